import { randomBytes } from "node:crypto";
import { createSession, createUser, syncIdpMemberships, type TDatabase, type TIdpTeamClaim } from "@/lib/db";
import { SESSION_COOKIE } from "@/lib/auth/session-cookies";

export const TEST_APP_ORIGIN = "http://hushlink.test";

/** Sign-in settings for API tests; the OIDC flow itself is tested against the demo provider. */
export const SIGN_IN_TEST_ENV = {
  OIDC_ISSUER: "http://127.0.0.1:9/",
  OIDC_CLIENT_ID: "hushlink-test",
  OIDC_CLIENT_SECRET: "hushlink-test-secret",
  NEXTAUTH_URL: TEST_APP_ORIGIN,
  NEXTAUTH_SECRET: "test-secret-that-is-long-enough",
  ALLOWED_EMAIL_DOMAINS: "acme.test",
};

export type TTestUser = { id: string; email: string; cookie: string; headers: Record<string, string> };

/**
 * A user with a real database session, as next-auth's adapter would leave it after an OIDC
 * sign-in, and the headers a same-origin browser request of theirs carries.
 */
export async function createSignedInUser(
  db: TDatabase,
  options: { email: string; name?: string; teams?: TIdpTeamClaim[]; now?: Date },
): Promise<TTestUser> {
  const now = options.now ?? new Date();
  const user = await createUser(db, { email: options.email, name: options.name ?? options.email.split("@")[0] ?? null, now });
  await syncIdpMemberships(db, { userId: user.id, claims: options.teams ?? [], now });
  const sessionToken = randomBytes(32).toString("base64url");
  await createSession(db, { sessionToken, userId: user.id, expiresAt: new Date(now.getTime() + 3_600_000) });
  const cookie = `${SESSION_COOKIE}=${sessionToken}`;
  return { id: user.id, email: user.email, cookie, headers: { Cookie: cookie, Origin: TEST_APP_ORIGIN, "Sec-Fetch-Site": "same-origin" } };
}
