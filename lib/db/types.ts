import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { PrismaClient } from "./generated/sqlite/client";

/**
 * Both providers' generated clients expose the same model API (one schema, see
 * scripts/prisma-generate.mjs), so the data-access functions are typed against one of them.
 */
export type TPrismaClient = PrismaClient;
export type TDatabaseProvider = "sqlite" | "postgresql";

/** The raw driver beside Prisma, for the rate limiter library that speaks to drivers. */
export type TDriverConnection =
  | { readonly provider: "sqlite"; readonly connection: BetterSqlite3.Database }
  | { readonly provider: "postgresql"; readonly pool: pg.Pool };

export type TDatabase = {
  readonly provider: TDatabaseProvider;
  readonly prisma: TPrismaClient;
  readonly driver: TDriverConnection;
  close(): Promise<void>;
};

/** A stored secret as the use cases see it; never carries the manage token itself. */
export type TSecretRecord = {
  id: string;
  envelopeJson: string | null;
  verifier: string;
  manageTokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  maxViews: number;
  viewsUsed: number;
  failedProofs: number;
  burnedAt: Date | null;
  lastViewedAt: Date | null;
  purgedAt: Date | null;
  creatorUserId: string | null;
  teamId: string | null;
  label: string | null;
  restrictToTeam: boolean;
};
