import { createHash } from "node:crypto";

type TLogFields = Record<string, string | number | boolean | undefined>;

/**
 * Names a secret in logs without its id: the id is half of what finds a ciphertext, and
 * logs travel further than the database.
 */
export function secretRef(id: string): string {
  return createHash("sha256").update(`hushlink-log:${id}`).digest("hex").slice(0, 12);
}

type TLogLevel = "info" | "warn" | "error";
const LEVEL_RANK: Record<TLogLevel | "silent", number> = { info: 0, warn: 1, error: 2, silent: 3 };

function minimumLevelRank(): number {
  const configured = process.env.LOG_LEVEL as TLogLevel | "silent" | undefined;
  return LEVEL_RANK[configured ?? "info"] ?? 0;
}

/** One JSON line per event. Callers pass only fields they chose, never bodies or headers. */
export function logEvent(level: TLogLevel, event: string, fields: TLogFields = {}): void {
  if (LEVEL_RANK[level] < minimumLevelRank()) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), event, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/** The error's kind and code only: database messages can quote the statement's values. */
export function describeError(error: unknown): TLogFields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  return { errorType: error.name, errorCode: typeof code === "string" ? code : undefined };
}
