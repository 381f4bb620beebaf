import {
  ZAccessLogResponse,
  ZDashboardListResponse,
  ZMeResponse,
  type TAccessEvent,
  type TDashboardListResponse,
  type TMeResponse,
} from "@/lib/validation";
import { ApiError, isServerErrorCode } from "./api-error";

async function getJson<T>(path: string, parse: (value: unknown) => T): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
  } catch {
    throw new ApiError({ code: "network_error", status: 0, message: "Could not reach the server." });
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  if (!response.ok) {
    const code = body?.error?.code && isServerErrorCode(body.error.code) ? body.error.code : "unexpected_response";
    throw new ApiError({ code, status: response.status, message: body?.error?.message ?? `HTTP ${response.status}` });
  }
  return parse(body);
}

/** Who is signed in, with teams and their policies; null when signed out. */
export async function fetchMe(): Promise<TMeResponse | null> {
  try {
    return await getJson("/api/v1/me", (value) => ZMeResponse.parse(value));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export type TDashboardFilter = { scope: "mine" | "team"; status: "" | "active" | "viewed" | "expired" | "burned"; q: string; page: number };

/** The query string for a dashboard listing; empty filters are left out. */
export function dashboardQuery(filter: TDashboardFilter): string {
  const params = new URLSearchParams({ scope: filter.scope, page: String(filter.page) });
  if (filter.status) params.set("status", filter.status);
  if (filter.q.trim()) params.set("q", filter.q.trim());
  return params.toString();
}

export function fetchDashboard(filter: TDashboardFilter): Promise<TDashboardListResponse> {
  return getJson(`/api/v1/dashboard/secrets?${dashboardQuery(filter)}`, (value) => ZDashboardListResponse.parse(value));
}

export async function fetchAccessLog(id: string): Promise<TAccessEvent[]> {
  return (await getJson(`/api/v1/dashboard/secrets/${encodeURIComponent(id)}/events`, (value) => ZAccessLogResponse.parse(value))).events;
}

/** Burns with the session (creator or team admin); the browser adds Origin, which the API checks. */
export async function burnAsMember(id: string): Promise<void> {
  const response = await fetch(`/api/v1/secrets/${encodeURIComponent(id)}`, { method: "DELETE", credentials: "same-origin" });
  if (response.status !== 204) throw new ApiError({ code: "not_found", status: response.status, message: "This link is already gone." });
}

export function teamExportUrl(teamId: string, format: "csv" | "json"): string {
  return `/api/v1/dashboard/teams/${encodeURIComponent(teamId)}/events?format=${format}`;
}

const EVENT_WORDS: Record<TAccessEvent["kind"], string> = {
  revealed: "Revealed",
  wrong_proof: "Wrong key or passphrase",
  refused_signed_out: "Refused: not signed in",
  refused_not_member: "Refused: not a team member",
  burned: "Burned",
};

export function describeAccessEvent(kind: TAccessEvent["kind"]): string {
  return EVENT_WORDS[kind];
}
