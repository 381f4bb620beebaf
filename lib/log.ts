import { createHash } from "node:crypto";
import pino from "pino";

type TLogFields = Record<string, string | number | boolean | undefined>;
type TLogLevel = "info" | "warn" | "error";

/**
 * Names a secret in logs without its id: the id is half of what finds a ciphertext, and
 * logs travel further than the database.
 */
export function secretRef(id: string): string {
  return createHash("sha256").update(`hushlink-log:${id}`).digest("hex").slice(0, 12);
}

type TLogState = { logger?: pino.Logger };
// One logger per process, shared by Next's bundles and the lean server.
const logState = ((globalThis as { __hushlinkLog?: TLogState }).__hushlinkLog ??= {});

function logger(): pino.Logger {
  logState.logger ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "hushlink" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  return logState.logger;
}

/**
 * One structured JSON line per event (pino). Callers pass only fields they chose: never a
 * body, a header, a proof, a fragment or a ciphertext. Secrets appear as secretRef(id).
 */
export function logEvent(level: TLogLevel, event: string, fields: TLogFields = {}): void {
  logger()[level]({ event, ...fields });
}

/** Whether `level` is logged at all, so callers can skip building fields (hashing an id) for nothing. */
export function isLogged(level: TLogLevel): boolean {
  return logger().isLevelEnabled(level);
}

/** The error's kind and code only: database messages can quote the statement's values. */
export function describeError(error: unknown): TLogFields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  return { errorType: error.name, errorCode: typeof code === "string" ? code : undefined };
}
