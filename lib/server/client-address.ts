// Who is on the other end of a request, for counting failed sign-ins. The address comes from the
// socket; X-Forwarded-For is believed only hop by hop from the right, and only while the hop that
// wrote it is a proxy listed in PARALLEL_TRUSTED_PROXIES (IPs and CIDRs). Anything else in the
// header is whatever the client chose to send.
//
// Next's route handlers and server actions never see the socket, so the production server
// (lib/server/serve.ts) resolves the address and stamps it on the request as an internal header,
// after removing any copy the client sent. The stamp carries a secret made at process start: Next
// runs in the same process and checks it, so under a server that did not stamp (next dev, next
// start) a header sent by the client is never taken for the address.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BlockList, isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-parallel-client-address";
const STAMP_HEADER = "x-parallel-client-stamp";
/** What the address is when the request did not come through the production server. */
export const UNKNOWN_ADDRESS = "unknown";

const shared = globalThis as unknown as { parallelAddressStamp?: string };

/** Thrown at start for a PARALLEL_TRUSTED_PROXIES entry that is neither an IP nor a CIDR range. */
export class TrustedProxiesError extends Error {}

/** "::ffff:192.0.2.1" (IPv4 on a dual-stack socket) is 192.0.2.1; IPv6 in lower case. */
function normalize(address: string): string {
  const lower = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? mapped[1] : lower;
}

/** A hop as proxies write it: "192.0.2.1", "192.0.2.1:5678", "[2001:db8::1]:443" or "2001:db8::1". */
function hopAddress(hop: string): string | null {
  let value = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = normalize(value);
  return isIP(value) ? value : null;
}

export interface TrustedProxies {
  has(address: string): boolean;
  readonly size: number;
}

/** PARALLEL_TRUSTED_PROXIES: comma- or space-separated IPs and CIDR ranges (IPv4 and IPv6). */
export function parseTrustedProxies(setting = process.env.PARALLEL_TRUSTED_PROXIES ?? ""): TrustedProxies {
  const list = new BlockList();
  const entries = setting.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [ip, prefix, extra] = entry.split("/");
    const address = normalize(ip);
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== null && (!/^\d+$/.test(prefix) || bits > maxBits))) {
      throw new TrustedProxiesError(
        `PARALLEL_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, fd00::/8).`,
      );
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return {
    size: entries.length,
    has: (address) => {
      const value = normalize(address);
      const family = isIP(value);
      return family !== 0 && list.check(value, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The client's address: the socket's peer, then, while that peer is a trusted proxy, the hop it
 * recorded last in X-Forwarded-For (proxies append, so the rightmost entries are the trustworthy ones).
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let address = socketAddress ? normalize(socketAddress) : UNKNOWN_ADDRESS;
  if (trusted.size === 0 || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  while (trusted.has(address) && hops.length > 0) {
    const hop = hopAddress(hops.pop() ?? "");
    // A trusted proxy that wrote garbage: the proxy is the last address we can vouch for.
    if (!hop) break;
    address = hop;
  }
  return address;
}

function stamp(): string {
  shared.parallelAddressStamp ??= randomBytes(18).toString("base64url");
  return shared.parallelAddressStamp;
}

/**
 * Wraps the production server's request listener: every request carries the address resolved
 * from its socket, and nothing a client sent under the same header names survives.
 */
export function withClientAddress(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  trusted: TrustedProxies,
) {
  const secret = stamp();
  return (req: IncomingMessage, res: ServerResponse) => {
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trusted,
    );
    req.headers[STAMP_HEADER] = secret;
    listener(req, res);
  };
}

/** The stamped address of a request (Next's headers()), or "unknown" when no stamp of this process is on it. */
export function stampedClientAddress(headers: Pick<Headers, "get">): string {
  const secret = shared.parallelAddressStamp;
  if (!secret || headers.get(STAMP_HEADER) !== secret) return UNKNOWN_ADDRESS;
  return headers.get(CLIENT_ADDRESS_HEADER) || UNKNOWN_ADDRESS;
}
