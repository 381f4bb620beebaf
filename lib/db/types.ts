import type pg from "pg";
import type { THotStatements } from "./driver/hot-statements";
import type { SqliteSharedConnection } from "./driver/sqlite-shared-connection";
import type { PrismaClient } from "./generated/sqlite/client";

/**
 * Both providers' generated clients expose the same model API (one schema, see
 * scripts/prisma-generate.mjs), so the data-access functions are typed against one of them.
 */
export type TPrismaClient = PrismaClient;
export type TDatabaseProvider = "sqlite" | "postgresql";

/** The bare driver under Prisma (the same connection or pool), for hot statements and the rate limiter. */
export type TDriverConnection =
  | { readonly provider: "sqlite"; readonly shared: SqliteSharedConnection }
  | { readonly provider: "postgresql"; readonly pool: pg.Pool };

export type TDatabase = {
  readonly provider: TDatabaseProvider;
  readonly prisma: TPrismaClient;
  readonly driver: TDriverConnection;
  /** Prepared statements for the create, link-open and reveal paths (lib/db/driver). */
  readonly hot: THotStatements;
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
