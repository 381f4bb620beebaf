/**
 * Headers every response carries, pages and API alike. A page's CSP needs a fresh nonce per
 * request (pageSecurityHeaders: proxy.ts for React pages, the reveal page's own handler for
 * /s/:id); API responses get a CSP that allows nothing, since JSON never needs to run or
 * load anything.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The page CSP: scripts only with this request's nonce, nothing from other origins. */
export function pageContentSecurityPolicy(options: { nonce: string; isDevelopment: boolean; signInOrigin?: string }): string {
  const scriptSrc = [`'self'`, `'nonce-${options.nonce}'`, `'strict-dynamic'`];
  // React's dev tooling evaluates code; never in production.
  if (options.isDevelopment) scriptSrc.push(`'unsafe-eval'`);
  return [
    `default-src 'self'`,
    `script-src ${scriptSrc.join(" ")}`,
    `style-src 'self' 'nonce-${options.nonce}'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    // Sign-in is a form POST that redirects to the identity provider; browsers apply
    // form-action to that redirect too, so the provider's origin must be named.
    `form-action 'self'${options.signInOrigin ? ` ${options.signInOrigin}` : ""}`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

/** A fresh CSP nonce: 18 random bytes, base64. Web Crypto, so proxy.ts and Node share it. */
export function newCspNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** An HTML page's headers: the CSP with this request's nonce plus the baseline above. */
export function pageSecurityHeaders(nonce: string): Record<string, string> {
  const policy = pageContentSecurityPolicy({
    nonce,
    isDevelopment: process.env.NODE_ENV === "development",
    signInOrigin: originOf(process.env.OIDC_ISSUER),
  });
  return { "Content-Security-Policy": policy, ...SECURITY_HEADERS };
}
