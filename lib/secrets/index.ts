export type { TSecretsContext } from "./context";
export { createSecret } from "./create-secret";
export { describeSecret } from "./describe-secret";
export { revealSecret, ATTEMPTS_LEFT_HEADER } from "./reveal-secret";
export { burnLiveSecret } from "./burn-live-secret";
export { startPurgeJob } from "./purge-job";
export { listDashboardSecrets, secretAccessLog, teamAccessLog, accessLogToCsv, describeMe, canSee, canBurn } from "./dashboard";
export type { TAccessInfo } from "./record-access";
