import { describe, expect, it } from "vitest";
import { formatExpiry, formatExpiryTime, formatRemaining, formatRemainingUntil } from "@/lib/client/format-expiry";
import { expiryText } from "@/components/reveal-page/markup";

describe("formatRemaining", () => {
  it.each([
    [86_400, "in 1 day"],
    [86_399.2, "in 1 day"],
    [3_600, "in 1 hour"],
    [3_598, "in 1 hour"],
    [300, "in 5 minutes"],
    [299.5, "in 5 minutes"],
    [604_800, "in 7 days"],
    [2_592_000, "in 30 days"],
    [7_200, "in 2 hours"],
    [61, "in 1 minute"],
    [59, "in less than a minute"],
    [0, "already expired"],
    [-10, "already expired"],
  ])("describes %s seconds as %s", (seconds, words) => {
    expect(formatRemaining(seconds)).toBe(words);
  });
});

describe("formatExpiry", () => {
  it("gives relative words and the absolute time in the requested zone", () => {
    const nowMs = Date.parse("2030-03-01T12:00:00.000Z");
    expect(formatExpiry({ expiresAt: "2030-03-02T12:00:00.000Z", nowMs, locale: "en-US", timeZone: "UTC" })).toEqual({
      relative: "in 1 day",
      absolute: "Mar 2, 2030, 12:00 PM",
    });
  });
});

describe("the reveal page's two-step expiry", () => {
  const nowMs = Date.parse("2030-03-01T12:00:00.000Z");
  const expiresAt = "2030-03-01T14:00:00.000Z";

  it("gives the relative words without the local time first, then both", () => {
    const relative = formatRemainingUntil({ expiresAt, nowMs });
    expect(expiryText({ relative, absolute: null })).toBe("in 2 hours");
    const absolute = formatExpiryTime({ expiresAt, locale: "en-GB", timeZone: "Europe/Berlin" });
    expect(expiryText({ relative, absolute })).toBe("in 2 hours, at 1 Mar 2030, 15:00");
  });

  it("reads an expiry in the past as expired", () => {
    expect(formatRemainingUntil({ expiresAt: "2030-03-01T11:59:00.000Z", nowMs })).toBe("already expired");
  });
});
