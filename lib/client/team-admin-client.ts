import { ZInstanceSettings, ZTeamMembers, ZTeamSettings, type TTeamMembers, type TTeamSettings, type TTeamSettingsUpdate } from "@/lib/validation";
import { ApiError, isServerErrorCode } from "./api-error";

async function call<T>(path: string, init: RequestInit, parse?: (value: unknown) => T): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", cache: "no-store", ...init });
  } catch {
    throw new ApiError({ code: "network_error", status: 0, message: "Could not reach the server." });
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  if (!response.ok) {
    const code = body?.error?.code && isServerErrorCode(body.error.code) ? body.error.code : "unexpected_response";
    throw new ApiError({ code, status: response.status, message: body?.error?.message ?? `HTTP ${response.status}` });
  }
  return parse ? parse(body) : (undefined as T);
}

const jsonBody = (method: string, value: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
const teamPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}`;

export const fetchTeamSettings = (teamId: string): Promise<TTeamSettings> => call(`${teamPath(teamId)}/settings`, {}, (value) => ZTeamSettings.parse(value));
export const saveTeamSettings = (teamId: string, update: TTeamSettingsUpdate): Promise<TTeamSettings> =>
  call(`${teamPath(teamId)}/settings`, jsonBody("PUT", update), (value) => ZTeamSettings.parse(value));
export const fetchTeamMembers = (teamId: string): Promise<TTeamMembers> => call(`${teamPath(teamId)}/members`, {}, (value) => ZTeamMembers.parse(value));
export const addTeamMember = (teamId: string, member: { email: string; role: "admin" | "member" }) => call<void>(`${teamPath(teamId)}/members`, jsonBody("POST", member));
export const removeTeamMember = (teamId: string, userId: string, burnLiveLinks: boolean) =>
  call<{ sessionsEnded: number; linksBurned: number }>(`${teamPath(teamId)}/members/${encodeURIComponent(userId)}?burnLiveLinks=${burnLiveLinks}`, { method: "DELETE" }, (value) => value as { sessionsEnded: number; linksBurned: number });
export const fetchInstanceSettings = () => call("/api/v1/admin/settings", {}, (value) => ZInstanceSettings.parse(value));
export const saveInstanceSettings = (anonymousCreationAllowed: boolean) =>
  call("/api/v1/admin/settings", jsonBody("PUT", { anonymousCreationAllowed }), (value) => ZInstanceSettings.parse(value));
