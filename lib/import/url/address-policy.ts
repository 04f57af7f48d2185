import ipaddr from "ipaddr.js";

/**
 * Which addresses a URL import may connect to: public unicast only. Everything else
 * (loopback, private, link-local where cloud metadata services answer, CGNAT, multicast,
 * unspecified, reserved, and IPv6 forms that embed such an IPv4 address) would let an
 * editor make the server read its own network.
 */
const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address (this server itself)",
  private: "a private network address",
  uniqueLocal: "a private network address",
  linkLocal: "a link-local address (where cloud metadata services answer)",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  unspecified: "an unspecified address",
};

/** Why this address may not be fetched from, in words for the editor, or null when it may. */
export function addressRefusal(address: string): string | null {
  if (!ipaddr.isValid(address)) return `“${address}” is not an address.`;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 reaches 10.0.0.1.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return null;
  return `The address ${address} is ${RANGE_NAMES[range] ?? "a reserved address"}: Verity fetches only from public addresses.`;
}

/**
 * The hosts an administrator allows despite their address (tests serve pages on 127.0.0.1):
 * VERITY_FETCH_ALLOW_HOSTS, comma-separated host:port entries.
 */
export function allowedHosts(value = process.env.VERITY_FETCH_ALLOW_HOSTS): Set<string> {
  return new Set((value ?? "").split(",").map((entry) => entry.trim().toLowerCase()).filter(Boolean));
}

/** host:port of a URL, the port spelled out, as VERITY_FETCH_ALLOW_HOSTS lists it. */
export function hostAndPort(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname.toLowerCase()}:${port}`;
}
