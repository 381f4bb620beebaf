/** The API's route table: method + path pattern -> route name. One place, both servers use it. */
export type TApiRouteName =
  | "createSecret"
  | "describeSecret"
  | "revealSecret"
  | "burnSecret"
  | "health"
  | "me"
  | "listDashboard"
  | "secretEvents"
  | "teamEvents"
  | "metrics"
  | "teamSettings"
  | "updateTeamSettings"
  | "teamMembers"
  | "addTeamMember"
  | "removeTeamMember"
  | "instanceSettings"
  | "updateInstanceSettings";

export type TMatchedApiRoute =
  | { kind: "route"; name: TApiRouteName; id?: string; subId?: string }
  | { kind: "method_not_allowed"; allow: string }
  | { kind: "not_found" };

const SECRET_PATH = /^\/api\/v1\/secrets\/([^/]+)$/;
const REVEAL_PATH = /^\/api\/v1\/secrets\/([^/]+)\/reveal$/;
const SECRET_EVENTS_PATH = /^\/api\/v1\/dashboard\/secrets\/([^/]+)\/events$/;
const TEAM_SETTINGS_PATH = /^\/api\/v1\/teams\/([^/]+)\/settings$/;
const TEAM_MEMBERS_PATH = /^\/api\/v1\/teams\/([^/]+)\/members$/;
const TEAM_MEMBER_PATH = /^\/api\/v1\/teams\/([^/]+)\/members\/([^/]+)$/;
const TEAM_EVENTS_PATH = /^\/api\/v1\/dashboard\/teams\/([^/]+)\/events$/;

/** Matches a request to a route; the id is returned raw and validated by the handler. */
export function matchApiRoute(method: string, pathname: string): TMatchedApiRoute {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === "/api/health") return pick(method, { GET: "health", HEAD: "health" });
  if (path === "/api/metrics") return pick(method, { GET: "metrics" });
  if (path === "/api/v1/secrets") return pick(method, { POST: "createSecret" });
  if (path === "/api/v1/me") return pick(method, { GET: "me" });
  if (path === "/api/v1/dashboard/secrets") return pick(method, { GET: "listDashboard" });
  const secretEvents = SECRET_EVENTS_PATH.exec(path);
  if (secretEvents) return pick(method, { GET: "secretEvents" }, secretEvents[1]);
  if (path === "/api/v1/admin/settings") return pick(method, { GET: "instanceSettings", PUT: "updateInstanceSettings" });
  const teamSettings = TEAM_SETTINGS_PATH.exec(path);
  if (teamSettings) return pick(method, { GET: "teamSettings", PUT: "updateTeamSettings" }, teamSettings[1]);
  const teamMembers = TEAM_MEMBERS_PATH.exec(path);
  if (teamMembers) return pick(method, { GET: "teamMembers", POST: "addTeamMember" }, teamMembers[1]);
  const teamMember = TEAM_MEMBER_PATH.exec(path);
  if (teamMember) {
    const matched = pick(method, { DELETE: "removeTeamMember" }, teamMember[1]);
    return matched.kind === "route" ? { ...matched, subId: teamMember[2] } : matched;
  }
  const teamEvents = TEAM_EVENTS_PATH.exec(path);
  if (teamEvents) return pick(method, { GET: "teamEvents" }, teamEvents[1]);
  const reveal = REVEAL_PATH.exec(path);
  if (reveal) return pick(method, { POST: "revealSecret" }, reveal[1]);
  const secret = SECRET_PATH.exec(path);
  if (secret) return pick(method, { GET: "describeSecret", HEAD: "describeSecret", DELETE: "burnSecret" }, secret[1]);
  return { kind: "not_found" };
}

function pick(method: string, routes: Partial<Record<string, TApiRouteName>>, id?: string): TMatchedApiRoute {
  const name = routes[method.toUpperCase()];
  if (name) return { kind: "route", name, ...(id === undefined ? {} : { id }) };
  return { kind: "method_not_allowed", allow: Object.keys(routes).join(", ") };
}
