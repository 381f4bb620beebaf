export type { TSecretsContext } from "./context";
export { createSecret } from "./create-secret";
export { describeSecret } from "./describe-secret";
export { revealSecret, ATTEMPTS_LEFT_HEADER } from "./reveal-secret";
export { burnSecretWithToken } from "./burn-secret-with-token";
export { startPurgeJob } from "./purge-job";
