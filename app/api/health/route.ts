import { nextApiRoute } from "@/lib/http/next-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const GET = nextApiRoute;
export const HEAD = nextApiRoute;
