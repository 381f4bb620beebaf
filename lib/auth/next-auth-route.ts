import "server-only";
import NextAuth from "next-auth";
import { parseServerEnv } from "@/lib/env";
import { AppError } from "@/lib/app-error";
import { errorResponse } from "@/lib/http/error-responses";
import { buildAuthOptions, isSignInConfigured } from "./auth-options";

type TRouteContext = { params: Promise<{ nextauth: string[] }> };
type TNextAuthHandler = (request: Request, context: TRouteContext) => Promise<Response>;

let cachedHandler: TNextAuthHandler | null | undefined;

function nextAuthHandler(): TNextAuthHandler | null {
  if (cachedHandler === undefined) {
    const env = parseServerEnv();
    cachedHandler = isSignInConfigured(env) ? (NextAuth(buildAuthOptions(env)) as unknown as TNextAuthHandler) : null;
  }
  return cachedHandler;
}

/** Mounts next-auth at /api/auth/*; without sign-in configured those paths do not exist. */
export async function nextAuthRoute(request: Request, context: TRouteContext): Promise<Response> {
  const handler = nextAuthHandler();
  if (!handler) return errorResponse(new AppError("not_found"));
  return handler(request, context);
}
