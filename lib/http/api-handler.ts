import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import type { TCurrentUser } from "@/lib/auth/types";
import { userFromRequest } from "@/lib/auth/user-from-request";
import { readSessionCookie } from "@/lib/auth/session-cookies";
import { isDatabaseUnavailableError, pingDatabase } from "@/lib/db";
import { describeError, isLogged, logEvent, secretRef } from "@/lib/log";
import {
  accessLogToCsv,
  burnLiveSecret,
  createSecret,
  describeMe,
  describeSecret,
  listDashboardSecrets,
  revealSecret,
  secretAccessLog,
  teamAccessLog,
  type TSecretsContext,
} from "@/lib/secrets";
import {
  addMember,
  changeInstanceSettings,
  changeTeamSettings,
  readInstanceSettings,
  readTeamSettings,
  removeMember,
  teamMembers,
} from "@/lib/teams/team-admin";
import {
  ZAddTeamMember,
  ZCreateSecretRequest,
  ZDashboardQuery,
  ZInstanceSettings,
  ZRevealSecretRequest,
  ZSecretId,
  ZTeamSettingsUpdate,
} from "@/lib/validation";
import { matchApiRoute, type TApiRouteName } from "./api-routes";
import { resolveClientIp } from "./client-ip";
import { assertSameOriginChange } from "./csrf";
import { fromWebRequest, pathnameOf, searchParamsOf, toWebResponse, type TApiRequest, type TApiResponse } from "./api-request";
import { errorApiResponse } from "./error-responses";
import { apiEmpty, apiJson, apiJsonText, apiText } from "./json-response";
import { countSecretEvent, metrics, observeRequest } from "./metrics";
import { readApiJsonBody as readJsonBody } from "./read-json-body";

export type TApiContext = TSecretsContext & {
  trustProxyHops: number;
  /** When set, GET /api/metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** The app's own origin (from NEXTAUTH_URL); cookie-authenticated changes must come from it. */
  appOrigin: string | undefined;
  adminEmails: string[];
  /** Lets team admins point webhooks at plain http:// (local testing only). */
  allowInsecureWebhooks: boolean;
};
export type TApiRequestInfo = { socketIp: string | undefined };
export type TApiHandler = (request: Request, info: TApiRequestInfo) => Promise<Response>;
/** The handler without Web Request/Response: what the lean server calls. */
export type TApiCoreHandler = (request: TApiRequest, info: TApiRequestInfo) => Promise<TApiResponse>;

type TRouteInput = {
  request: TApiRequest;
  context: TApiContext;
  id: string | undefined;
  subId: string | undefined;
  clientIp: string;
  /** The session's user, looked up once and only when a route asks. */
  user: () => Promise<TCurrentUser | null>;
};

const ROUTES: Record<TApiRouteName, (input: TRouteInput) => Promise<TApiResponse>> = {
  health: async ({ context }) =>
    (await pingDatabase(context.db))
      ? apiJson({ status: "ok" })
      : apiJson({ status: "unavailable", database: "unreachable" }, { status: 503 }),

  createSecret: async ({ request, context, clientIp, user }) => {
    const input = parseWith(ZCreateSecretRequest, await readJsonBody(request));
    const created = await createSecret(context, { input, clientIp, user: await user() });
    if (isLogged("info")) logEvent("info", "secret.created", { secret: secretRef(created.id), maxViews: created.maxViews });
    countSecretEvent("created");
    return apiJson(created, { status: 201 });
  },

  describeSecret: async ({ context, id }) => apiJson(await describeSecret(context, { id: parseSecretId(id) })),

  revealSecret: async ({ request, context, id, clientIp, user }) => {
    const secretId = parseSecretId(id);
    const { proof } = parseWith(ZRevealSecretRequest, await readJsonBody(request));
    const access = { clientIp, userAgent: request.headers.get("user-agent") };
    const revealed = await revealSecret(context, { id: secretId, proof, access, resolveUser: user });
    if (isLogged("info")) logEvent("info", "secret.revealed", { secret: secretRef(secretId), viewsLeft: revealed.viewsLeft });
    countSecretEvent("revealed");
    return apiJsonText(`{"envelope":${revealed.envelopeJson},"viewsLeft":${revealed.viewsLeft}}`);
  },

  burnSecret: async ({ request, context, id, clientIp, user }) => {
    const secretId = parseSecretId(id);
    const authorization = request.headers.get("authorization");
    const manageToken = bearerToken(authorization);
    if (authorization && !manageToken) throw new AppError("not_found");
    const access = { clientIp, userAgent: request.headers.get("user-agent") };
    await burnLiveSecret(context, { id: secretId, manageToken, user: manageToken ? null : await user(), access });
    logEvent("info", "secret.burned", { secret: secretRef(secretId) });
    countSecretEvent("burned");
    return apiEmpty({ status: 204 });
  },

  metrics: async ({ request, context }) => {
    if (context.metricsToken && !tokensEqual(bearerToken(request.headers.get("authorization")), context.metricsToken)) {
      throw new AppError("not_found");
    }
    const registry = metrics().registry;
    return apiText(await registry.metrics(), { contentType: registry.contentType });
  },

  teamSettings: async ({ context, id, user }) =>
    apiJson(await readTeamSettings(context, { user: await requireUser(user), teamId: parseUuid(id) })),

  updateTeamSettings: async ({ request, context, id, user }) => {
    const signedIn = await requireUser(user);
    const update = parseWith(ZTeamSettingsUpdate, await readJsonBody(request));
    return apiJson(await changeTeamSettings(context, { user: signedIn, teamId: parseUuid(id), update }));
  },

  teamMembers: async ({ context, id, user }) =>
    apiJson(await teamMembers(context, { user: await requireUser(user), teamId: parseUuid(id) })),

  addTeamMember: async ({ request, context, id, user }) => {
    const signedIn = await requireUser(user);
    const { email, role } = parseWith(ZAddTeamMember, await readJsonBody(request));
    await addMember(context, { user: signedIn, teamId: parseUuid(id), email, role });
    return apiEmpty({ status: 204 });
  },

  removeTeamMember: async ({ request, context, id, subId, user }) => {
    const signedIn = await requireUser(user);
    const burnLiveLinks = searchParamsOf(request.path).get("burnLiveLinks") === "true";
    const result = await removeMember(context, { user: signedIn, teamId: parseUuid(id), memberUserId: parseUuid(subId), burnLiveLinks });
    logEvent("info", "team.member_removed", { sessionsEnded: result.sessionsEnded, linksBurned: result.linksBurned });
    return apiJson(result);
  },

  instanceSettings: async ({ context, user }) => apiJson(await readInstanceSettings(context, { user: await requireUser(user) })),

  updateInstanceSettings: async ({ request, context, user }) => {
    const signedIn = await requireUser(user);
    const settings = parseWith(ZInstanceSettings, await readJsonBody(request));
    return apiJson(await changeInstanceSettings(context, { user: signedIn, settings }));
  },

  me: async ({ user }) => apiJson(describeMe(await requireUser(user))),

  listDashboard: async ({ request, context, user }) => {
    const signedIn = await requireUser(user);
    const query = parseWith(ZDashboardQuery, Object.fromEntries(searchParamsOf(request.path)));
    return apiJson(await listDashboardSecrets(context, { user: signedIn, query }));
  },

  secretEvents: async ({ context, id, user }) => {
    const signedIn = await requireUser(user);
    return apiJson({ events: await secretAccessLog(context, { user: signedIn, id: parseSecretId(id) }) });
  },

  teamEvents: async ({ request, context, id, user }) => {
    const signedIn = await requireUser(user);
    const events = await teamAccessLog(context, { user: signedIn, teamId: parseUuid(id) });
    const format = searchParamsOf(request.path).get("format") ?? "json";
    const filename = `hushlink-access-log-${new Date().toISOString().slice(0, 10)}`;
    if (format === "csv") {
      return apiText(accessLogToCsv(events), {
        contentType: "text/csv; charset=utf-8",
        headers: { "Content-Disposition": `attachment; filename="${filename}.csv"` },
      });
    }
    if (format !== "json") throw new AppError("invalid_request", { detail: "format: csv or json." });
    return apiJson({ events }, { headers: { "Content-Disposition": `attachment; filename="${filename}.json"` } });
  },
};

/**
 * The whole HTTP API v1 as one function of a small request shape. Next.js route handlers
 * mount it through Web Request/Response (createApiHandler); the lean server calls it
 * directly on Node's request and response. Both therefore answer byte for byte alike.
 */
export function createApiCoreHandler(getContext: () => Promise<TApiContext>): TApiCoreHandler {
  return async (request, info) => {
    const startedAt = performance.now();
    const route = matchApiRoute(request.method, pathnameOf(request.path));
    const routeName = route.kind === "route" ? route.name : route.kind;
    const response = await handle(request, info, route);
    observeRequest({ route: routeName, method: request.method, status: response.status, seconds: (performance.now() - startedAt) / 1000 });
    return response;
  };

  async function handle(request: TApiRequest, info: TApiRequestInfo, route: ReturnType<typeof matchApiRoute>): Promise<TApiResponse> {
    try {
      if (route.kind === "not_found") throw new AppError("not_found");
      if (route.kind === "method_not_allowed") {
        throw new AppError("method_not_allowed", { headers: { Allow: route.allow } });
      }
      const context = await getContext();
      // A request that carries our session cookie is cookie-authenticated: it must come
      // from our own pages (CSRF), whether or not the session is still valid.
      if (readSessionCookie(request.headers.get("cookie"))) {
        assertSameOriginChange({ request, appOrigin: context.appOrigin });
      }
      const clientIp = resolveClientIp({ headers: request.headers, socketIp: info.socketIp, trustProxyHops: context.trustProxyHops });
      let userLookup: Promise<TCurrentUser | null> | undefined;
      const user = () => (userLookup ??= userFromRequest({ request, db: context.db, now: context.now(), adminEmails: context.adminEmails }));
      const response = await ROUTES[route.name]({ request, context, id: route.id, subId: route.subId, clientIp, user });
      return request.method === "HEAD" ? { status: response.status, headers: response.headers, body: null } : response;
    } catch (error) {
      return toErrorResponse(error, route.kind === "route" ? route.name : "unmatched");
    }
  }
}

/** The API as a function of a Web Request, for Next.js route handlers and tests. */
export function createApiHandler(getContext: () => Promise<TApiContext>): TApiHandler {
  const handle = createApiCoreHandler(getContext);
  return async (request, info) => toWebResponse(await handle(fromWebRequest(request), info));
}

function toErrorResponse(error: unknown, routeName: string): TApiResponse {
  if (error instanceof AppError) return errorApiResponse(error);
  if (isDatabaseUnavailableError(error)) {
    logEvent("warn", "database.unavailable", { route: routeName, ...describeError(error) });
    return errorApiResponse(new AppError("database_unavailable", { headers: { "Retry-After": "5" } }));
  }
  logEvent("error", "request.failed", { route: routeName, ...describeError(error) });
  return errorApiResponse(new AppError("internal_error"));
}

async function requireUser(user: () => Promise<TCurrentUser | null>): Promise<TCurrentUser> {
  const signedIn = await user();
  if (!signedIn) throw new AppError("sign_in_required");
  return signedIn;
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

function parseUuid(id: string | undefined): string {
  const result = z.uuid().safeParse(id);
  if (!result.success) throw new AppError("not_found");
  return result.data;
}

function parseSecretId(id: string | undefined): string {
  const result = ZSecretId.safeParse(id);
  if (!result.success) throw new AppError("not_found");
  return result.data;
}

function tokensEqual(given: string | null, expected: string): boolean {
  if (!given) return false;
  const givenBytes = Buffer.from(given);
  const expectedBytes = Buffer.from(expected);
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
}
