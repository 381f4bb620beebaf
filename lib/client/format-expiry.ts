export type TFormattedExpiry = {
  /** "in 1 day", "in 5 minutes", "in less than a minute", "already expired". */
  relative: string;
  /** Local date and time, e.g. "Nov 29, 2025, 5:42 PM" (the viewer's locale and time zone). */
  absolute: string;
};

const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 3_600;
const SECONDS_PER_DAY = 86_400;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/**
 * Words for a remaining duration. Rounds to the nearest unit and switches unit when the
 * rounded value reaches the next one, so a "1 day" secret created a second ago still reads
 * "in 1 day", not "in 24 hours".
 */
export function formatRemaining(remainingSeconds: number): string {
  if (remainingSeconds <= 0) return "already expired";
  if (remainingSeconds < SECONDS_PER_MINUTE) return "in less than a minute";
  const minutes = Math.round(remainingSeconds / SECONDS_PER_MINUTE);
  if (minutes < 60) return `in ${plural(minutes, "minute")}`;
  const hours = Math.round(remainingSeconds / SECONDS_PER_HOUR);
  if (hours < 24) return `in ${plural(hours, "hour")}`;
  return `in ${plural(Math.round(remainingSeconds / SECONDS_PER_DAY), "day")}`;
}

/** Relative words for an ISO expiry: cheap, no Intl. */
export function formatRemainingUntil(options: { expiresAt: string; nowMs?: number }): string {
  return formatRemaining((Date.parse(options.expiresAt) - (options.nowMs ?? Date.now())) / 1000);
}

/**
 * The expiry as a local date and time in the viewer's locale. A page's first
 * Intl.DateTimeFormat loads locale data: 20 to 60 ms of main thread on a slow machine, so
 * a page that must answer a click at once calls this when it is idle.
 */
export function formatExpiryTime(options: { expiresAt: string; locale?: string; timeZone?: string }): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(new Date(Date.parse(options.expiresAt)));
}

/** Formats an ISO expiry for people: relative words plus the absolute local time. */
export function formatExpiry(options: { expiresAt: string; nowMs?: number; locale?: string; timeZone?: string }): TFormattedExpiry {
  return { relative: formatRemainingUntil(options), absolute: formatExpiryTime(options) };
}
