import "server-only";
import type { THeaderReader } from "@/lib/http/api-request";
import { findSignedInUser, type TDatabase, type TSignedInUser } from "@/lib/db";
import { readSessionCookie } from "./session-cookies";
import type { TCurrentUser } from "./types";

export function withInstanceAdminFlag(user: TSignedInUser, adminEmails: string[]): TCurrentUser {
  return { ...user, isInstanceAdmin: adminEmails.includes(user.email.toLowerCase()) };
}

/** The signed-in user of an API request (session cookie), memberships fresh from the database. */
export async function userFromRequest(options: {
  request: { headers: THeaderReader };
  db: TDatabase;
  now: Date;
  adminEmails: string[];
}): Promise<TCurrentUser | null> {
  const sessionToken = readSessionCookie(options.request.headers.get("cookie"));
  if (!sessionToken) return null;
  const user = await findSignedInUser(options.db, { sessionToken, now: options.now });
  return user ? withInstanceAdminFlag(user, options.adminEmails) : null;
}
