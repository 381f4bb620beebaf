import { ZInstanceSettings, ZTeamMembers, ZTeamSettings, type TTeamMembers, type TTeamSettings, type TTeamSettingsUpdate } from "@/lib/validation";
import { jsonRequest as jsonBody, sessionFetch as call } from "./session-fetch";

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
