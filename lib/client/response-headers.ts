// Response headers the API answers with, parsed without zod so the reveal page can use
// them without pulling a schema library into its bundle.

/** Wrong tries left before a secret is burned, sent with a wrong_proof answer. */
export const ATTEMPTS_LEFT_HEADER = "Hushlink-Attempts-Left";

export function parseNonNegativeInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value.trim(), 10);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfterSeconds(value: string | null, nowMs = Date.now()): number | undefined {
  if (value === null) return undefined;
  const seconds = parseNonNegativeInt(value);
  if (seconds !== undefined) return seconds;
  // An HTTP date always names the weekday; Date.parse alone would accept "-5" as a year.
  if (!/[A-Za-z]{3}/.test(value)) return undefined;
  const dateMs = Date.parse(value);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}
