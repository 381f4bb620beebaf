export { burnSecret, createSecret, describeSecret, parseRetryAfterSeconds, revealSecret } from "./api-client";
export type { TApiClientOptions, TCreateSecretInput } from "./api-client";
export { API_ERROR_CODES, ApiError, isApiError, isServerErrorCode } from "./api-error";
export type { TApiErrorCode, TServerErrorCode } from "./api-error";
export { formatExpiry, formatExpiryTime, formatRemaining, formatRemainingUntil } from "./format-expiry";
export type { TFormattedExpiry } from "./format-expiry";
export { messageForBurnError, messageForCreateError, messageForTransientError } from "./user-messages";
export { burnAsMember, dashboardQuery, describeAccessEvent, fetchAccessLog, fetchDashboard, fetchMe, teamExportUrl } from "./dashboard-client";
export type { TDashboardFilter } from "./dashboard-client";
export {
  addTeamMember,
  fetchInstanceSettings,
  fetchTeamMembers,
  fetchTeamSettings,
  removeTeamMember,
  saveInstanceSettings,
  saveTeamSettings,
} from "./team-admin-client";
