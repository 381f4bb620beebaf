import type { THeaderReader } from "./api-request";

/**
 * The header our own server (lib/server) sets from the TCP socket before handing a request
 * to Next.js. It overwrites any value a client sent, so it can be trusted inside the app.
 */
export const SOCKET_IP_HEADER = "x-hushlink-socket-ip";

/**
 * The client address used as the rate-limit key. Only when the operator says how many
 * reverse proxies stand in front (TRUST_PROXY_HOPS) is X-Forwarded-For read, and then from
 * the right, so a client cannot pick its own key by sending the header itself.
 */
export function resolveClientIp(options: { headers: THeaderReader; socketIp: string | undefined; trustProxyHops: number }): string {
  if (options.trustProxyHops > 0) {
    const forwarded = (options.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const fromProxy = forwarded[forwarded.length - options.trustProxyHops];
    if (fromProxy) return fromProxy;
  }
  return options.socketIp ?? "unknown";
}
