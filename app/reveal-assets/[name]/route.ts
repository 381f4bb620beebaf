import { revealAssetResponse } from "@/lib/reveal-page/server/reveal-assets";

// The reveal page's hashed script and stylesheet (scripts/build-reveal-page.mjs).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return revealAssetResponse((await params).name);
}
