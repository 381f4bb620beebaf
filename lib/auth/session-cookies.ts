/**
 * Cookie names: `__Host-` binds the session to this exact origin (no Domain, Path=/,
 * Secure); the flow cookies use `__Secure-`. Browsers accept Secure cookies on
 * http://localhost, so local demos and tests keep the production names.
 */
export const SESSION_COOKIE = "__Host-hushlink.session";

const flowCookie = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true };

export const AUTH_COOKIES = {
  sessionToken: { name: SESSION_COOKIE, options: flowCookie },
  callbackUrl: { name: "__Secure-hushlink.callback-url", options: flowCookie },
  csrfToken: { name: "__Host-hushlink.csrf-token", options: flowCookie },
  pkceCodeVerifier: { name: "__Secure-hushlink.pkce", options: { ...flowCookie, maxAge: 900 } },
  state: { name: "__Secure-hushlink.state", options: { ...flowCookie, maxAge: 900 } },
  nonce: { name: "__Secure-hushlink.nonce", options: flowCookie },
};

/** The session cookie's value from a Cookie header, or null. */
export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === SESSION_COOKIE) {
      const value = part.slice(separator + 1).trim();
      return value.length > 0 && value.length <= 512 ? value : null;
    }
  }
  return null;
}
