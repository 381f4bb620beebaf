import { fromWebRequest, toWebResponse } from "@/lib/http/api-request";
import { revealAssetResponse } from "@/lib/reveal-page/server/reveal-assets";
import { leavingCompressionToNext } from "@/lib/reveal-page/server/reveal-page-routes";

// The reveal page's hashed script and stylesheet (scripts/build-reveal-page.mjs).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return toWebResponse(await revealAssetResponse({ request: leavingCompressionToNext(fromWebRequest(request)), name: (await params).name }));
}
