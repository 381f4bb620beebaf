import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import { HOT_SQL, insertSecretValues, type THotClaimRow, type THotSecretRow, type THotStatements, type THotVerifiedClaimRow } from "./hot-statements";
import type { SqliteSharedConnection } from "./sqlite-shared-connection";

type TPrepared = { [name in keyof typeof HOT_SQL]: BetterSqlite3.Statement };

/**
 * The hot statements on the connection Prisma's adapter opened, prepared once per
 * connection. Plain numbers, not BigInt: every stored integer (milliseconds, counts) is far
 * below 2^53.
 */
export function createSqliteHotStatements(shared: SqliteSharedConnection): THotStatements {
  const cache = new WeakMap<BetterSqlite3.Database, TPrepared>();
  const prepared = (connection: BetterSqlite3.Database): TPrepared => {
    let statements = cache.get(connection);
    if (!statements) {
      const entries = Object.entries(HOT_SQL).map(([name, sql]) => [name, connection.prepare(sql).safeIntegers(false)]);
      statements = Object.fromEntries(entries) as TPrepared;
      cache.set(connection, statements);
    }
    return statements;
  };
  const run = <T>(statement: (statements: TPrepared) => T): Promise<T> =>
    Promise.resolve(shared.run((connection) => statement(prepared(connection))));

  return {
    insertSecret: (row) =>
      run((statements) => {
        statements.insertSecret.run(...insertSecretValues(row, (flag) => (flag ? 1 : 0)));
      }),
    findLiveSecret: ({ id, nowMs }) => run((statements) => statements.findLiveSecret.get(id, nowMs) as THotSecretRow | undefined),
    claimView: ({ id, nowMs }) => run((statements) => statements.claimView.get(nowMs, id, nowMs) as THotClaimRow | undefined),
    claimVerifiedView: ({ id, verifier, nowMs }) =>
      run((statements) => statements.claimVerifiedView.get(nowMs, id, verifier, nowMs) as THotVerifiedClaimRow | undefined),
    dropEnvelopeAfterLastView: ({ id, nowMs }) =>
      run((statements) => {
        statements.dropEnvelopeAfterLastView.run(nowMs, id);
      }),
    recordWrongProof: ({ id, nowMs, limit }) =>
      run((statements) => statements.recordWrongProof.get(limit, nowMs, limit, id, nowMs) as { failed_proofs: number } | undefined),
  };
}
