import { AppError, type TAppErrorCode } from "@/lib/app-error";
import { toWebResponse, type TApiResponse } from "./api-request";
import { apiJson } from "./json-response";

const ERROR_STATUS: Record<TAppErrorCode, number> = {
  invalid_request: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  too_many_attempts: 429,
  not_found: 404,
  wrong_proof: 403,
  forbidden: 403,
  sign_in_required: 401,
  not_team_member: 403,
  policy_violation: 400,
  method_not_allowed: 405,
  database_unavailable: 503,
  internal_error: 500,
};

const ERROR_MESSAGE: Record<TAppErrorCode, string> = {
  invalid_request: "The request is not valid.",
  invalid_json: "The request body is not valid JSON.",
  payload_too_large: "The request body is larger than 1 MiB.",
  unsupported_media_type: "Send the request body as application/json.",
  rate_limited: "Too many requests. Try again later.",
  too_many_attempts: "Too many attempts. Try again later.",
  not_found: "This secret does not exist, has expired, or has already been viewed.",
  wrong_proof: "The link key or passphrase is wrong. Nothing was revealed and no view was used.",
  forbidden: "This request is not allowed.",
  sign_in_required: "Sign in to continue.",
  not_team_member: "This link is restricted to another team. Nothing was revealed and no view was used.",
  policy_violation: "This link does not meet your team's policy.",
  method_not_allowed: "This method is not allowed here.",
  database_unavailable: "The service is temporarily unavailable. Try again shortly.",
  internal_error: "Something went wrong on our side.",
};

export function statusForErrorCode(code: TAppErrorCode): number {
  return ERROR_STATUS[code];
}

/** The JSON error answer for an AppError; the only way errors reach a client. */
export function errorApiResponse(error: AppError): TApiResponse {
  const message = error.detail ? `${ERROR_MESSAGE[error.code]} ${error.detail}` : ERROR_MESSAGE[error.code];
  return apiJson({ error: { code: error.code, message } }, { status: ERROR_STATUS[error.code], headers: error.headers });
}

/** errorApiResponse as a Web Response. */
export function errorResponse(error: AppError): Response {
  return toWebResponse(errorApiResponse(error));
}
