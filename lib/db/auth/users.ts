import "server-only";
import { randomUUID } from "node:crypto";
import type { TDatabase } from "../types";
import type { TUserRecord } from "./types";

type TUserRow = { id: string; email: string; name: string | null; createdAtMs: bigint };

const toUserRecord = (row: TUserRow): TUserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: new Date(Number(row.createdAtMs)),
});

/** Emails are compared lower-cased: identity providers differ in how they spell them. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function createUser(db: TDatabase, options: { email: string; name: string | null; now: Date }): Promise<TUserRecord> {
  const row = await db.prisma.user.create({
    data: { id: randomUUID(), email: normalizeEmail(options.email), name: options.name, createdAtMs: BigInt(options.now.getTime()) },
  });
  return toUserRecord(row);
}

export async function findUserById(db: TDatabase, options: { id: string }): Promise<TUserRecord | null> {
  const row = await db.prisma.user.findUnique({ where: { id: options.id } });
  return row ? toUserRecord(row) : null;
}

export async function findUserByEmail(db: TDatabase, options: { email: string }): Promise<TUserRecord | null> {
  const row = await db.prisma.user.findUnique({ where: { email: normalizeEmail(options.email) } });
  return row ? toUserRecord(row) : null;
}

export async function findUserByAccount(
  db: TDatabase,
  options: { provider: string; providerAccountId: string },
): Promise<TUserRecord | null> {
  const account = await db.prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: options.provider, providerAccountId: options.providerAccountId } },
    include: { user: true },
  });
  return account ? toUserRecord(account.user) : null;
}

export async function updateUserProfile(db: TDatabase, options: { id: string; name?: string | null; email?: string }): Promise<TUserRecord> {
  const row = await db.prisma.user.update({
    where: { id: options.id },
    data: {
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.email === undefined ? {} : { email: normalizeEmail(options.email) }),
    },
  });
  return toUserRecord(row);
}

export async function linkAccount(
  db: TDatabase,
  options: { userId: string; provider: string; providerAccountId: string; type: string },
): Promise<void> {
  await db.prisma.account.upsert({
    where: { provider_providerAccountId: { provider: options.provider, providerAccountId: options.providerAccountId } },
    create: { id: randomUUID(), ...options },
    update: {},
  });
}

/** Removes a user; their sessions, accounts and memberships go with them (ON DELETE CASCADE). */
export async function deleteUser(db: TDatabase, options: { id: string }): Promise<void> {
  await db.prisma.user.deleteMany({ where: { id: options.id } });
}
