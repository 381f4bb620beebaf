import "server-only";
import { cookies } from "next/headers";
import { getAppContext } from "@/lib/app-context";
import { findSignedInUser } from "@/lib/db";
import { parseList, parseServerEnv } from "@/lib/env";
import { SESSION_COOKIE } from "./session-cookies";
import type { TCurrentUser } from "./types";
import { withInstanceAdminFlag } from "./user-from-request";

/** The signed-in user of a server component render, or null. */
export async function currentUser(): Promise<TCurrentUser | null> {
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!sessionToken) return null;
  const { db } = await getAppContext();
  const user = await findSignedInUser(db, { sessionToken, now: new Date() });
  return user ? withInstanceAdminFlag(user, parseList(parseServerEnv().ADMIN_EMAILS)) : null;
}
