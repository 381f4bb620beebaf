import { fromWebRequest, toWebResponse } from "@/lib/http/api-request";
import { leavingCompressionToNext, secretIdFromSegments } from "@/lib/reveal-page/server/reveal-page-routes";
import { revealPageResponse } from "@/lib/reveal-page/server/reveal-page-response";

// The reveal page is plain HTML plus one small script (lib/reveal-page, components/reveal-page):
// no React runtime to download before a recipient can press Reveal. It sets its own headers
// (CSP nonce included); the lean server answers the same handler without Next.js. Every
// path under /s/ is the reveal page's: an extra segment is a damaged link, not Next's 404.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  return toWebResponse(await revealPageResponse({ request: leavingCompressionToNext(fromWebRequest(request)), id: secretIdFromSegments(path) }));
}
