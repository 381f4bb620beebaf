import type { TAppErrorCode } from "@/lib/app-error";

/** Error codes the server sends (DESIGN.md section 2, lib/app-error.ts). */
export const API_ERROR_CODES = [
  "invalid_request",
  "invalid_json",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "too_many_attempts",
  "not_found",
  "wrong_proof",
  "forbidden",
  "sign_in_required",
  "not_team_member",
  "policy_violation",
  "method_not_allowed",
  "database_unavailable",
  "internal_error",
] as const satisfies readonly TAppErrorCode[];

export type TServerErrorCode = (typeof API_ERROR_CODES)[number];

// Fails to compile when the server gains a code this list does not know yet.
const EVERY_SERVER_CODE_LISTED: [Exclude<TAppErrorCode, TServerErrorCode>] extends [never] ? true : false = true;
void EVERY_SERVER_CODE_LISTED;

/**
 * `network_error`: the request never got an answer (offline, server down, blocked).
 * `unexpected_response`: an answer that does not match the contract (unknown code, bad JSON,
 * schema mismatch). The UI treats both as "try again later".
 */
export type TApiErrorCode = TServerErrorCode | "network_error" | "unexpected_response";

export function isServerErrorCode(code: string): code is TServerErrorCode {
  return (API_ERROR_CODES as readonly string[]).includes(code);
}

export class ApiError extends Error {
  readonly code: TApiErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Wrong tries left before the secret is burned (from `Hushlink-Attempts-Left`, on wrong_proof). */
  readonly attemptsLeft?: number;
  /** Seconds to wait (from `Retry-After`, on 429). */
  readonly retryAfterSeconds?: number;

  constructor(options: {
    code: TApiErrorCode;
    status: number;
    message: string;
    attemptsLeft?: number;
    retryAfterSeconds?: number;
  }) {
    super(options.message);
    this.name = "ApiError";
    this.code = options.code;
    this.status = options.status;
    if (options.attemptsLeft !== undefined) this.attemptsLeft = options.attemptsLeft;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
