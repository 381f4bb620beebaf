import { describe, expect, it } from "vitest";
import { isEmailAllowed, safeCallbackUrl, teamClaimsFromGroups } from "@/lib/auth/sign-in-policy";

const BASE = "https://hushlink.acme.test";

describe("safeCallbackUrl (open redirects after sign-in)", () => {
  it.each([
    "https://evil.example",
    "https://evil.example/dashboard",
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://hushlink.acme.test.evil.example/",
    "https://hushlink.acme.test@evil.example/",
    "/\t/evil.example",
    " //evil.example",
    "http://hushlink.acme.test/dashboard",
  ])("sends %j to the dashboard of this origin", (url) => {
    const target = safeCallbackUrl({ url, baseUrl: BASE });
    expect(target).toBe(`${BASE}/dashboard`);
    expect(new URL(target).origin).toBe(BASE);
  });

  it.each([
    ["/dashboard", `${BASE}/dashboard`],
    ["/s/AAAAAAAAAAAAAAAAAAAAAA", `${BASE}/s/AAAAAAAAAAAAAAAAAAAAAA`],
    [`${BASE}/dashboard?scope=team`, `${BASE}/dashboard?scope=team`],
  ])("follows the same-origin target %j", (url, expected) => {
    expect(safeCallbackUrl({ url, baseUrl: BASE })).toBe(expected);
  });
});

describe("isEmailAllowed", () => {
  const allowedDomains = ["acme.test"];
  it("admits verified addresses of allowed domains only", () => {
    expect(isEmailAllowed({ email: "alice@acme.test", emailVerified: true, allowedDomains })).toBe(true);
    expect(isEmailAllowed({ email: "Alice@ACME.test", emailVerified: true, allowedDomains })).toBe(true);
    expect(isEmailAllowed({ email: "alice@acme.test", emailVerified: false, allowedDomains })).toBe(false);
    expect(isEmailAllowed({ email: "alice@acme.test", emailVerified: "true", allowedDomains })).toBe(false);
    expect(isEmailAllowed({ email: "mallory@evil.test", emailVerified: true, allowedDomains })).toBe(false);
    expect(isEmailAllowed({ email: "mallory@sub.acme.test", emailVerified: true, allowedDomains })).toBe(false);
    expect(isEmailAllowed({ email: "mallory@acme.test@evil.test", emailVerified: true, allowedDomains })).toBe(false);
    expect(isEmailAllowed({ email: "alice@acme.test", emailVerified: true, allowedDomains: [] })).toBe(false);
    expect(isEmailAllowed({ email: undefined, emailVerified: true, allowedDomains })).toBe(false);
  });
});

describe("teamClaimsFromGroups", () => {
  it("reads members and admins from the groups claim", () => {
    expect(teamClaimsFromGroups({ groups: ["platform", "payments:admin", "payments"], adminSuffix: ":admin" })).toEqual([
      { teamName: "platform", role: "member" },
      { teamName: "payments", role: "admin" },
    ]);
    expect(teamClaimsFromGroups({ groups: "platform", adminSuffix: ":admin" })).toEqual([]);
    expect(teamClaimsFromGroups({ groups: [42, "", ":admin", "x".repeat(101)], adminSuffix: ":admin" })).toEqual([]);
  });
});
