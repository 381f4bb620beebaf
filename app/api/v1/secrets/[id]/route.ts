import { nextApiRoute } from "@/lib/http/next-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const GET = nextApiRoute;
export const HEAD = nextApiRoute;
export const DELETE = nextApiRoute;
export const POST = nextApiRoute;
export const PUT = nextApiRoute;
export const PATCH = nextApiRoute;
