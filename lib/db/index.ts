import "server-only";

export { parseDatabaseUrl, type TDatabaseConfig } from "./database-url";
export { openDatabase } from "./open-database";
export { applyMigrations } from "./migrate";
export { pingDatabase } from "./ping-database";
export { createRateLimiter, type TRateLimiter, type TRateLimitDecision } from "./rate-limiter";
export { insertSecret, type TInsertSecretOptions } from "./secrets/insert-secret";
export { findLiveSecret } from "./secrets/find-live-secret";
export { claimSecretView, type TClaimedView } from "./secrets/claim-secret-view";
export { recordWrongProof, type TWrongProofOutcome } from "./secrets/record-wrong-proof";
export { burnSecret } from "./secrets/burn-secret";
export { purgeSpentSecrets } from "./secrets/purge-spent-secrets";
export type { TDatabase, TSecretRecord } from "./types";
export { isDatabaseUnavailableError } from "./is-database-unavailable-error";
