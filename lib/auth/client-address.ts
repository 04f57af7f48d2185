import { BlockList, isIP } from "node:net";

/**
 * The address a sign-in comes from, for the login throttle. Only the connection's own
 * (peer) address is certain: a client can send any X-Forwarded-For it likes. Forwarded
 * addresses count only when the peer is a proxy listed in VERITY_TRUSTED_PROXIES
 * (addresses or CIDR ranges, comma-separated; none by default). Each proxy appends the
 * address it got the request from, so the list is read from the right, past the trusted
 * proxies, and the first address not trusted is the client's.
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, trusted: BlockList): string | null {
  const peerAddress = peer ? normalise(peer) : null;
  if (!peerAddress) return null;
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  let client = peerAddress;
  while (isTrusted(trusted, client) && hops.length > 0) {
    const next = normalise(hops.pop()!);
    if (!next) break; // not an address: the last proxy we trust is as far as we can tell
    client = next;
  }
  return client;
}

/** The proxies whose X-Forwarded-For is believed, from VERITY_TRUSTED_PROXIES. */
export function trustedProxies(setting = process.env.VERITY_TRUSTED_PROXIES ?? ""): BlockList {
  const list = new BlockList();
  for (const entry of setting.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    const bits = Number(prefix);
    if (!isIP(address) || (prefix !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= (type === "ipv6" ? 128 : 32)))) {
      throw new Error(`VERITY_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range.`);
    }
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

/**
 * The client address of a request to next-auth. The server `npm start` runs
 * (scripts/next-server.mjs) writes the peer address into a header of its own, over
 * anything the client sent there, and names that header in VERITY_PEER_ADDRESS_HEADER.
 * Served otherwise (`next dev`, a bare `next start`), the peer is unknown, and so is the client.
 */
export function requestClientAddress(headers: Record<string, unknown> | undefined): string | null {
  const peerHeader = process.env.VERITY_PEER_ADDRESS_HEADER;
  const peer = peerHeader ? headers?.[peerHeader] : undefined;
  const forwardedFor = headers?.["x-forwarded-for"];
  return clientAddress(typeof peer === "string" ? peer : null, typeof forwardedFor === "string" ? forwardedFor : null, trustedProxies());
}

/** An IP address as one spelling ("::ffff:10.0.0.1" is 10.0.0.1), or null if it is not one. */
function normalise(address: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1] : address;
  return isIP(plain) ? plain.toLowerCase() : null;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  return trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}
