import { nextAuthRoute } from "@/lib/auth/next-auth-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const GET = nextAuthRoute;
export const POST = nextAuthRoute;
