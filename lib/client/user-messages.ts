import type { ApiError } from "./api-error";

const waitWords = (seconds: number | undefined) =>
  seconds === undefined || seconds <= 0
    ? "in a moment"
    : seconds < 90
      ? `in ${seconds} second${seconds === 1 ? "" : "s"}`
      : `in about ${Math.ceil(seconds / 60)} minutes`;

/**
 * The one place that turns API error codes into words for people. Server messages are never
 * shown: they are for developers, and the wording here matches what the page is doing.
 */
export function messageForCreateError(error: ApiError): string {
  switch (error.code) {
    case "payload_too_large":
      return "This secret is too large to share. The limit is about 700 KB of text.";
    case "rate_limited":
      return `Too many links were created from your network. Try again ${waitWords(error.retryAfterSeconds)}.`;
    case "network_error":
      return "Could not reach the Hushlink server. Check your connection and try again.";
    case "database_unavailable":
      return "The server's storage is not available right now. Try again in a moment.";
    case "policy_violation":
      // The server names the team rule that was broken; its words are the useful ones here.
      return error.message;
    case "sign_in_required":
      return "This instance only lets signed-in people create links. Sign in and try again.";
    default:
      return "Something went wrong while creating the link. Nothing was shared. Try again.";
  }
}

export function messageForBurnError(error: ApiError): string {
  switch (error.code) {
    case "not_found":
      return "This secret was already gone: it was viewed, it expired, or it was destroyed.";
    case "network_error":
      return "Could not reach the Hushlink server. The link still works; try again.";
    case "rate_limited":
    case "too_many_attempts":
      return `Too many requests. Try again ${waitWords(error.retryAfterSeconds)}.`;
    default:
      return "The secret could not be destroyed. The link may still work; try again.";
  }
}

/** For failures that are neither "gone" nor a wrong key: the visitor can simply retry. */
export function messageForTransientError(error: ApiError): string {
  switch (error.code) {
    case "rate_limited":
    case "too_many_attempts":
      return `Too many attempts. Wait and try again ${waitWords(error.retryAfterSeconds)}.`;
    case "network_error":
      return "Could not reach the Hushlink server. Check your connection and try again.";
    case "database_unavailable":
      return "The server's storage is not available right now. Try again in a moment.";
    default:
      return "Something went wrong on the server. Nothing was revealed; try again.";
  }
}
