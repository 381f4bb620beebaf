import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import {
  createSession,
  createUser,
  deleteSession,
  deleteUser,
  extendSession,
  findSignedInUser,
  findUserByAccount,
  findUserByEmail,
  findUserById,
  linkAccount,
  updateUserProfile,
  type TDatabase,
  type TUserRecord,
} from "@/lib/db";

const toAdapterUser = (user: TUserRecord): AdapterUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  // Only verified addresses are admitted (lib/auth/sign-in-policy.ts).
  emailVerified: user.createdAt,
});

/**
 * next-auth's database adapter over lib/db: users, accounts and hashed database sessions.
 * No provider tokens are stored; Hushlink needs the identity, nothing else.
 */
export function createNextAuthAdapter(options: { getDb: () => Promise<TDatabase>; now: () => Date }): Adapter {
  const { getDb, now } = options;
  return {
    createUser: async (user: Omit<AdapterUser, "id">) => toAdapterUser(await createUser(await getDb(), { email: user.email, name: user.name ?? null, now: now() })),
    getUser: async (id) => {
      const user = await findUserById(await getDb(), { id });
      return user ? toAdapterUser(user) : null;
    },
    getUserByEmail: async (email) => {
      const user = await findUserByEmail(await getDb(), { email });
      return user ? toAdapterUser(user) : null;
    },
    getUserByAccount: async ({ provider, providerAccountId }) => {
      const user = await findUserByAccount(await getDb(), { provider, providerAccountId });
      return user ? toAdapterUser(user) : null;
    },
    updateUser: async (user) =>
      toAdapterUser(await updateUserProfile(await getDb(), { id: user.id, name: user.name, email: user.email ?? undefined })),
    deleteUser: async (userId) => {
      await deleteUser(await getDb(), { id: userId });
    },
    linkAccount: async (account: AdapterAccount) => {
      await linkAccount(await getDb(), {
        userId: account.userId,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        type: account.type,
      });
    },
    createSession: async ({ sessionToken, userId, expires }) => {
      await createSession(await getDb(), { sessionToken, userId, expiresAt: expires });
      return { sessionToken, userId, expires };
    },
    getSessionAndUser: async (sessionToken) => {
      const user = await findSignedInUser(await getDb(), { sessionToken, now: now() });
      if (!user) return null;
      return { session: { sessionToken, userId: user.id, expires: user.sessionExpiresAt }, user: toAdapterUser(user) };
    },
    updateSession: async ({ sessionToken, expires }) => {
      if (expires) await extendSession(await getDb(), { sessionToken, expiresAt: expires });
      return null;
    },
    deleteSession: async (sessionToken) => {
      await deleteSession(await getDb(), { sessionToken });
    },
  };
}
