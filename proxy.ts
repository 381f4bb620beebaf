import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy, SECURITY_HEADERS } from "@/lib/http/security-headers";

const SIGN_IN_ORIGIN = originOf(process.env.OIDC_ISSUER);

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every page gets a fresh CSP nonce: Next.js reads the policy from the request headers and
 * stamps the nonce on its own scripts, so no inline script runs without it. The API sets its
 * own headers (lib/http/json-response.ts) and is excluded by the matcher, as are the reveal
 * page's hashed assets (lib/reveal-page/server/reveal-assets.ts), which are cached forever.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
  const policy = pageContentSecurityPolicy({ nonce, isDevelopment: process.env.NODE_ENV === "development", signInOrigin: SIGN_IN_ORIGIN });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // The reveal page must never be stored by a browser or a shared cache.
  if (request.nextUrl.pathname.startsWith("/s/")) response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|reveal-assets/|favicon.ico|icon.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
