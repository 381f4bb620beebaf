import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { isDatabaseUnavailableError, pingDatabase } from "@/lib/db";
import { describeError, logEvent, secretRef } from "@/lib/log";
import { burnSecretWithToken, createSecret, describeSecret, revealSecret, type TSecretsContext } from "@/lib/secrets";
import { ZCreateSecretRequest, ZRevealSecretRequest, ZSecretId } from "@/lib/validation";
import { matchApiRoute, type TApiRouteName } from "./api-routes";
import { resolveClientIp } from "./client-ip";
import { errorResponse } from "./error-responses";
import { emptyResponse, jsonResponse } from "./json-response";
import { readJsonBody } from "./read-json-body";

export type TApiContext = TSecretsContext & { trustProxyHops: number };
export type TApiRequestInfo = { socketIp: string | undefined };
export type TApiHandler = (request: Request, info: TApiRequestInfo) => Promise<Response>;

type TRouteInput = { request: Request; context: TApiContext; id: string | undefined; clientIp: string };

const ROUTES: Record<TApiRouteName, (input: TRouteInput) => Promise<Response>> = {
  health: async ({ context }) =>
    (await pingDatabase(context.db))
      ? jsonResponse({ status: "ok" })
      : jsonResponse({ status: "unavailable", database: "unreachable" }, { status: 503 }),

  createSecret: async ({ request, context, clientIp }) => {
    const input = parseWith(ZCreateSecretRequest, await readJsonBody(request));
    const created = await createSecret(context, { input, clientIp });
    logEvent("info", "secret.created", { secret: secretRef(created.id), maxViews: created.maxViews });
    return jsonResponse(created, { status: 201 });
  },

  describeSecret: async ({ context, id }) => jsonResponse(await describeSecret(context, { id: parseSecretId(id) })),

  revealSecret: async ({ request, context, id, clientIp }) => {
    const secretId = parseSecretId(id);
    const { proof } = parseWith(ZRevealSecretRequest, await readJsonBody(request));
    const revealed = await revealSecret(context, { id: secretId, proof, clientIp });
    logEvent("info", "secret.revealed", { secret: secretRef(secretId), viewsLeft: revealed.viewsLeft });
    return jsonResponse(revealed);
  },

  burnSecret: async ({ request, context, id }) => {
    const secretId = parseSecretId(id);
    const manageToken = bearerToken(request.headers.get("authorization"));
    if (!manageToken) throw new AppError("not_found");
    await burnSecretWithToken(context, { id: secretId, manageToken });
    logEvent("info", "secret.burned", { secret: secretRef(secretId) });
    return emptyResponse({ status: 204 });
  },
};

/**
 * The whole HTTP API v1 as one function of a Web Request. Next.js route handlers mount it,
 * and so does the lean server path; both therefore answer byte for byte alike.
 */
export function createApiHandler(getContext: () => Promise<TApiContext>): TApiHandler {
  return async (request, info) => {
    const route = matchApiRoute(request.method, new URL(request.url).pathname);
    try {
      if (route.kind === "not_found") throw new AppError("not_found");
      if (route.kind === "method_not_allowed") {
        throw new AppError("method_not_allowed", { headers: { Allow: route.allow } });
      }
      const context = await getContext();
      const clientIp = resolveClientIp({ headers: request.headers, socketIp: info.socketIp, trustProxyHops: context.trustProxyHops });
      const response = await ROUTES[route.name]({ request, context, id: route.id, clientIp });
      return request.method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
    } catch (error) {
      return toErrorResponse(error, route.kind === "route" ? route.name : "unmatched");
    }
  };
}

function toErrorResponse(error: unknown, routeName: string): Response {
  if (error instanceof AppError) return errorResponse(error);
  if (isDatabaseUnavailableError(error)) {
    logEvent("warn", "database.unavailable", { route: routeName, ...describeError(error) });
    return errorResponse(new AppError("database_unavailable", { headers: { "Retry-After": "5" } }));
  }
  logEvent("error", "request.failed", { route: routeName, ...describeError(error) });
  return errorResponse(new AppError("internal_error"));
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError("invalid_request", { detail: describeIssues(result.error) });
}

/** Field paths and rule names only; input values and unknown key names are never echoed. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.length ? issue.path.join(".") : "body";
      if (issue.code === "unrecognized_keys") return `${path}: unknown fields are not allowed.`;
      return `${path}: ${issue.message}.`;
    })
    .join(" ");
}

function parseSecretId(id: string | undefined): string {
  const result = ZSecretId.safeParse(id);
  if (!result.success) throw new AppError("not_found");
  return result.data;
}

function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
}
