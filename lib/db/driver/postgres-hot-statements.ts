import "server-only";
import type pg from "pg";
import { HOT_SQL, insertSecretValues, type THotClaimRow, type THotSecretRow, type THotStatements, type THotVerifiedClaimRow } from "./hot-statements";

/** `?` placeholders numbered for PostgreSQL. */
const numbered = (sql: string) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
};

const TEXT = Object.fromEntries(Object.entries(HOT_SQL).map(([name, sql]) => [name, numbered(sql)])) as { [name in keyof typeof HOT_SQL]: string };

/**
 * The hot statements as named prepared queries on the pool Prisma's adapter also uses: each
 * pooled connection parses and plans a statement once, then only binds and executes it.
 * `restrict_to_team` takes a real boolean here; BIGINT columns come back as strings.
 */
export function createPostgresHotStatements(pool: pg.Pool): THotStatements {
  const query = async <T extends pg.QueryResultRow>(name: keyof typeof HOT_SQL, values: unknown[]): Promise<T | undefined> => {
    const result = await pool.query<T>({ name: `hushlink_${name}`, text: TEXT[name], values });
    return result.rows[0];
  };
  return {
    insertSecret: async (row) => {
      await query("insertSecret", insertSecretValues(row, (flag) => flag));
    },
    findLiveSecret: ({ id, nowMs }) => query<THotSecretRow>("findLiveSecret", [id, nowMs]),
    claimView: ({ id, nowMs }) => query<THotClaimRow>("claimView", [nowMs, id, nowMs]),
    claimVerifiedView: ({ id, verifier, nowMs }) => query<THotVerifiedClaimRow>("claimVerifiedView", [nowMs, id, verifier, nowMs]),
    dropEnvelopeAfterLastView: async ({ id, nowMs }) => {
      await query("dropEnvelopeAfterLastView", [nowMs, id]);
    },
    recordWrongProof: ({ id, nowMs, limit }) => query<{ failed_proofs: number }>("recordWrongProof", [limit, nowMs, limit, id, nowMs]),
  };
}
