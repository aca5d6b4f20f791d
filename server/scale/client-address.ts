// The client's address behind a reverse proxy (nginx in front of several servers):
// every connection then comes from the proxy, and the per-address limits would put
// every phone in one bucket. X-Forwarded-For is believed only from the proxies named
// in TRUSTED_PROXIES; from anyone else it would be a free pass around those limits.
import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";
import type { Server } from "socket.io";

/** An address as Node reports it, without the IPv4-mapped IPv6 prefix (`::ffff:10.0.0.1` → `10.0.0.1`). */
export function plainAddress(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * TRUSTED_PROXIES (`10.0.0.5,127.0.0.1`) as a list of plain addresses.
 * @throws Error naming the first entry that is not an IP address.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const bad = entries.find((entry) => isIP(entry) === 0);
  if (bad !== undefined) throw new Error(`not an IP address: ${bad}`);
  return entries.map(plainAddress);
}

/**
 * A function from a connection (the TCP peer's address and the request headers) to
 * the client's address: the peer itself, unless the peer is a trusted proxy with an
 * X-Forwarded-For header, whose last entry is the address that proxy saw (nginx's
 * `$proxy_add_x_forwarded_for` appends it; earlier entries come from the client).
 */
export function clientAddressResolver(trustedProxies: readonly string[]) {
  const trusted = new Set(trustedProxies);
  return (peer: string | undefined, headers: IncomingHttpHeaders): string => {
    const direct = plainAddress(peer ?? "unknown");
    if (!trusted.has(direct)) return direct;
    const forwarded = headers["x-forwarded-for"];
    const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",");
    const last = list[list.length - 1]?.trim() ?? "";
    return isIP(last) ? plainAddress(last) : direct;
  };
}
export type ClientAddress = ReturnType<typeof clientAddressResolver>;

/**
 * Makes `socket.handshake.address` the client's address on every namespace given,
 * before any connection handler reads it (the handlers' per-address limits).
 */
export function applyClientAddress(io: Server, namespaces: readonly string[], clientAddress: ClientAddress): void {
  for (const name of namespaces) {
    io.of(name).use((socket, next) => {
      socket.handshake.address = clientAddress(socket.handshake.address, socket.handshake.headers);
      next();
    });
  }
}
