import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getAppContext } from "@/lib/app-context";
import { syncIdpMemberships } from "@/lib/db";
import { parseList, type TServerEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { createNextAuthAdapter } from "./next-auth-adapter";
import { AUTH_COOKIES } from "./session-cookies";
import { isEmailAllowed, safeCallbackUrl, teamClaimsFromGroups } from "./sign-in-policy";

export const OIDC_PROVIDER_ID = "oidc";
const GROUPS_FIELD = "groups";

type TOidcProfile = Record<string, unknown> & { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };

export function isSignInConfigured(env: TServerEnv): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET && env.NEXTAUTH_SECRET && env.NEXTAUTH_URL);
}

/**
 * next-auth with one generic OpenID Connect provider (Okta, Entra ID, Google Workspace,
 * Keycloak, Authentik...): authorization code flow with PKCE and state, database sessions.
 */
export function buildAuthOptions(env: TServerEnv): NextAuthOptions {
  const allowedDomains = parseList(env.ALLOWED_EMAIL_DOMAINS);
  const issuer = (env.OIDC_ISSUER ?? "").replace(/\/+$/, "");
  return {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: true,
    cookies: AUTH_COOKIES,
    session: { strategy: "database", maxAge: env.SESSION_MAX_AGE_HOURS * 3600, updateAge: 3600 },
    adapter: createNextAuthAdapter({ getDb: async () => (await getAppContext()).db, now: () => new Date() }),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      {
        id: OIDC_PROVIDER_ID,
        name: env.OIDC_DISPLAY_NAME,
        type: "oauth",
        wellKnown: `${issuer}/.well-known/openid-configuration`,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        authorization: { params: { scope: `openid email profile ${env.OIDC_GROUPS_CLAIM === "groups" ? "groups" : ""}`.trim() } },
        idToken: true,
        checks: ["pkce", "state"],
        // Team admins add people by email before their first sign-in; that sign-in must
        // attach to the waiting user. Safe here: one configured provider, and only verified
        // addresses of the allowed domains get past the signIn callback.
        allowDangerousEmailAccountLinking: true,
        // next-auth hands this normalised profile (not the raw claims) to events.signIn, so
        // the groups claim must travel in it to reach the membership sync.
        profile: (profile: TOidcProfile) => ({
          id: profile.sub,
          email: typeof profile.email === "string" ? profile.email.toLowerCase() : null,
          name: typeof profile.name === "string" ? profile.name : null,
          [GROUPS_FIELD]: profile[env.OIDC_GROUPS_CLAIM],
        }),
      },
    ],
    callbacks: {
      signIn: ({ profile }) => {
        const oidcProfile = (profile ?? {}) as TOidcProfile;
        const allowed = isEmailAllowed({ email: oidcProfile.email, emailVerified: oidcProfile.email_verified, allowedDomains });
        if (!allowed) logEvent("warn", "auth.sign_in_refused", { reason: "email_not_allowed" });
        return allowed ? true : "/sign-in?error=AccessDenied";
      },
      redirect: ({ url, baseUrl }) => safeCallbackUrl({ url, baseUrl }),
      session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
    },
    events: {
      signIn: async ({ user, profile }) => {
        const normalisedProfile = (profile ?? {}) as Record<string, unknown>;
        const claims = teamClaimsFromGroups({ groups: normalisedProfile[GROUPS_FIELD], adminSuffix: env.OIDC_ADMIN_GROUP_SUFFIX });
        const { db } = await getAppContext();
        await syncIdpMemberships(db, { userId: user.id, claims, now: new Date() });
        logEvent("info", "auth.signed_in", { teams: claims.length });
      },
    },
  };
}
