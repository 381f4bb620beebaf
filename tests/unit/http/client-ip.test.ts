import { describe, expect, it } from "vitest";
import { resolveClientIp } from "@/lib/http/client-ip";

const SOCKET_IP = "10.9.8.7";

function resolve(options: { forwardedFor?: string | string[]; trustProxyHops: number; socketIp?: string | null }): string {
  const headers = new Headers();
  const values = options.forwardedFor === undefined ? [] : [options.forwardedFor].flat();
  for (const value of values) headers.append("X-Forwarded-For", value);
  const socketIp = options.socketIp === null ? undefined : (options.socketIp ?? SOCKET_IP);
  return resolveClientIp({ headers, socketIp, trustProxyHops: options.trustProxyHops });
}

describe("resolveClientIp without trusted proxies (trustProxyHops = 0)", () => {
  it("uses the socket address and ignores X-Forwarded-For entirely", () => {
    expect(resolve({ trustProxyHops: 0 })).toBe(SOCKET_IP);
    expect(resolve({ forwardedFor: "1.1.1.1", trustProxyHops: 0 })).toBe(SOCKET_IP);
    expect(resolve({ forwardedFor: "1.1.1.1, 2.2.2.2, 3.3.3.3", trustProxyHops: 0 })).toBe(SOCKET_IP);
  });

  it("lets a client rotating X-Forwarded-For values keep one rate-limit key", () => {
    const keys = new Set(Array.from({ length: 20 }, (_, index) => resolve({ forwardedFor: `203.0.113.${index}`, trustProxyHops: 0 })));
    expect([...keys]).toEqual([SOCKET_IP]);
  });

  it("answers 'unknown' when there is no socket address either", () => {
    expect(resolve({ forwardedFor: "1.1.1.1", trustProxyHops: 0, socketIp: null })).toBe("unknown");
  });
});

describe("resolveClientIp behind one trusted proxy (trustProxyHops = 1)", () => {
  it("takes the rightmost entry, the one the proxy appended", () => {
    expect(resolve({ forwardedFor: "198.51.100.4", trustProxyHops: 1 })).toBe("198.51.100.4");
  });

  it("never picks the spoofed entries a client put on the left", () => {
    expect(resolve({ forwardedFor: "6.6.6.6, 198.51.100.4", trustProxyHops: 1 })).toBe("198.51.100.4");
    expect(resolve({ forwardedFor: "1.1.1.1, 2.2.2.2, 3.3.3.3, 198.51.100.4", trustProxyHops: 1 })).toBe("198.51.100.4");
  });

  it("gives the same key however many spoofed entries precede the real one", () => {
    const keys = new Set(
      Array.from({ length: 10 }, (_, count) =>
        resolve({ forwardedFor: [...Array.from({ length: count }, (_, index) => `203.0.113.${index}`), "198.51.100.4"].join(", "), trustProxyHops: 1 }),
      ),
    );
    expect([...keys]).toEqual(["198.51.100.4"]);
  });

  it("reads across several X-Forwarded-For header lines as one list", () => {
    expect(resolve({ forwardedFor: ["6.6.6.6", "198.51.100.4"], trustProxyHops: 1 })).toBe("198.51.100.4");
  });

  it("trims whitespace and skips empty entries a client left behind", () => {
    expect(resolve({ forwardedFor: "6.6.6.6,,  ,   198.51.100.4  ", trustProxyHops: 1 })).toBe("198.51.100.4");
    expect(resolve({ forwardedFor: "6.6.6.6,, 198.51.100.4", trustProxyHops: 1 })).toBe("198.51.100.4");
  });

  it("keeps IPv6 entries whole", () => {
    expect(resolve({ forwardedFor: "6.6.6.6, 2001:db8::1", trustProxyHops: 1 })).toBe("2001:db8::1");
  });

  it("falls back to the socket address when the header is missing or empty", () => {
    expect(resolve({ trustProxyHops: 1 })).toBe(SOCKET_IP);
    expect(resolve({ forwardedFor: "", trustProxyHops: 1 })).toBe(SOCKET_IP);
    expect(resolve({ forwardedFor: " , ", trustProxyHops: 1 })).toBe(SOCKET_IP);
  });

  it("answers 'unknown' when neither header nor socket gives an address", () => {
    expect(resolve({ trustProxyHops: 1, socketIp: null })).toBe("unknown");
  });
});

describe("resolveClientIp behind two trusted proxies (trustProxyHops = 2)", () => {
  it("takes the second entry from the right: what the outer proxy saw", () => {
    // client -> outer proxy (appends client) -> inner proxy (appends outer) -> us
    expect(resolve({ forwardedFor: "198.51.100.4, 10.0.0.2", trustProxyHops: 2 })).toBe("198.51.100.4");
  });

  it("never picks spoofed leftmost entries", () => {
    expect(resolve({ forwardedFor: "6.6.6.6, 198.51.100.4, 10.0.0.2", trustProxyHops: 2 })).toBe("198.51.100.4");
    expect(resolve({ forwardedFor: "1.1.1.1, 2.2.2.2, 6.6.6.6, 198.51.100.4, 10.0.0.2", trustProxyHops: 2 })).toBe("198.51.100.4");
  });

  it("does not take the rightmost entry, which is only the outer proxy", () => {
    expect(resolve({ forwardedFor: "198.51.100.4, 10.0.0.2", trustProxyHops: 2 })).not.toBe("10.0.0.2");
  });

  it("falls back to the socket address when there are fewer entries than hops", () => {
    expect(resolve({ forwardedFor: "198.51.100.4", trustProxyHops: 2 })).toBe(SOCKET_IP);
    expect(resolve({ trustProxyHops: 2 })).toBe(SOCKET_IP);
  });
});
