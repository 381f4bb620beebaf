/**
 * Every failure a client may hear about has one of these codes. lib/http/error-responses.ts
 * is the one place that maps a code to an HTTP status and a message for people.
 */
export type TAppErrorCode =
  | "invalid_request"
  | "invalid_json"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "too_many_attempts"
  | "not_found"
  | "wrong_proof"
  | "forbidden"
  | "sign_in_required"
  | "not_team_member"
  | "policy_violation"
  | "method_not_allowed"
  | "database_unavailable"
  | "internal_error";

export class AppError extends Error {
  readonly code: TAppErrorCode;
  /** Safe, specific detail for the client (never input echoes or internal messages). */
  readonly detail: string | undefined;
  readonly headers: Record<string, string>;

  constructor(code: TAppErrorCode, options: { detail?: string; headers?: Record<string, string> } = {}) {
    super(code);
    this.name = "AppError";
    this.code = code;
    this.detail = options.detail;
    this.headers = options.headers ?? {};
  }
}
