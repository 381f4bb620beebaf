import type { TIdpTeamClaim } from "@/lib/db";

/**
 * Only verified addresses of the allowed domains get in. An empty domain list admits no
 * one: an operator must say whom the instance is for.
 */
export function isEmailAllowed(options: { email: unknown; emailVerified: unknown; allowedDomains: string[] }): boolean {
  if (typeof options.email !== "string" || options.emailVerified !== true) return false;
  const at = options.email.lastIndexOf("@");
  if (at < 1) return false;
  const domain = options.email.slice(at + 1).toLowerCase();
  return options.allowedDomains.includes(domain);
}

/**
 * Team memberships from the identity provider's groups claim: "platform" makes a member of
 * team platform, "platform:admin" (with the default suffix) an admin of it.
 */
export function teamClaimsFromGroups(options: { groups: unknown; adminSuffix: string }): TIdpTeamClaim[] {
  if (!Array.isArray(options.groups)) return [];
  const roles = new Map<string, TIdpTeamClaim["role"]>();
  for (const group of options.groups) {
    if (typeof group !== "string") continue;
    const trimmed = group.trim();
    if (!trimmed || trimmed.length > 100) continue;
    if (trimmed.endsWith(options.adminSuffix)) {
      const teamName = trimmed.slice(0, -options.adminSuffix.length);
      if (teamName) roles.set(teamName, "admin");
    } else if (!roles.has(trimmed)) {
      roles.set(trimmed, "member");
    }
  }
  return [...roles].map(([teamName, role]) => ({ teamName, role }));
}

/**
 * Where to go after sign-in: only same-origin targets. Protocol-relative (`//x`), backslash
 * tricks (`/\\x`), other schemes and other origins all land on the dashboard.
 */
export function safeCallbackUrl(options: { url: string; baseUrl: string; fallbackPath?: string }): string {
  const fallback = `${options.baseUrl}${options.fallbackPath ?? "/dashboard"}`;
  const url = options.url.trim();
  // Control characters and backslashes are never part of a path we generate.
  if (/[\u0000-\u001f\\]/.test(url)) return fallback;
  if (url.startsWith("/") && !url.startsWith("//")) return `${options.baseUrl}${url}`;
  try {
    const parsed = new URL(url);
    const base = new URL(options.baseUrl);
    if (parsed.origin === base.origin && (parsed.protocol === "https:" || parsed.protocol === "http:")) return parsed.toString();
  } catch {
    // not a URL at all
  }
  return fallback;
}
