import { NextResponse, type NextRequest } from "next/server";
import { newCspNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Every React page gets a fresh CSP nonce: Next.js reads the policy from the request headers
 * and stamps the nonce on its own scripts, so no inline script runs without it. The matcher
 * leaves out what sets its own headers: the API (lib/http/json-response.ts), the reveal page
 * and its hashed assets (lib/reveal-page/server), which the lean server also answers.
 */
export function proxy(request: NextRequest) {
  const nonce = newCspNonce();
  const headers = pageSecurityHeaders(nonce);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|s/|_next/static|_next/image|reveal-assets/|favicon.ico|icon.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
