import { nextApiRoute } from "@/lib/http/next-route";

// Unknown API paths answer with the API's JSON 404, not the HTML not-found page.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const GET = nextApiRoute;
export const HEAD = nextApiRoute;
export const POST = nextApiRoute;
export const PUT = nextApiRoute;
export const PATCH = nextApiRoute;
export const DELETE = nextApiRoute;
