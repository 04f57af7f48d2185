declare module "html-encoding-sniffer" {
  /** The HTML Standard's encoding sniffing: a canonical encoding name for the bytes. */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
