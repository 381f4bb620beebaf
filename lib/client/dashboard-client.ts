import {
  ZAccessLogResponse,
  ZDashboardListResponse,
  ZMeResponse,
  type TAccessEvent,
  type TDashboardListResponse,
  type TMeResponse,
} from "@/lib/validation";
import { ApiError } from "./api-error";
import { sessionFetch } from "./session-fetch";

const getJson = <T>(path: string, parse: (value: unknown) => T): Promise<T> => sessionFetch(path, {}, parse);

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
export function burnAsMember(id: string): Promise<void> {
  return sessionFetch(`/api/v1/secrets/${encodeURIComponent(id)}`, { method: "DELETE" });
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
