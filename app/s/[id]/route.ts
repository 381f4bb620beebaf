import { revealPageResponse } from "@/lib/reveal-page/server/reveal-page-response";

// The reveal page is plain HTML plus one small script (lib/reveal-page, components/reveal-page):
// no React runtime to download before a recipient can press Reveal. proxy.ts adds the CSP
// with this request's nonce and the security headers.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return revealPageResponse({ id, nonce: request.headers.get("x-nonce") ?? "" });
}
