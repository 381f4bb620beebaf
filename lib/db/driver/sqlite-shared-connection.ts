import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
/** The adapter keeps its better-sqlite3 Database in a public `client` field. */
type TAdapterWithClient = SqlDriverAdapter & { client?: BetterSqlite3.Database };

/**
 * The one SQLite connection Prisma's adapter opens, shared with our prepared hot
 * statements: a second connection would be a second writer waiting for the file's write
 * lock. Prisma runs an interactive transaction on this same connection, so a statement run
 * while one is open would silently join it (and be rolled back with it). `run` therefore
 * queues statements until every open Prisma transaction has committed or rolled back.
 */
export class SqliteSharedConnection {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly #inner: PrismaBetterSqlite3;
  #client: BetterSqlite3.Database | undefined;
  #openTransactions = 0;
  #waiting: Array<() => void> = [];

  constructor(inner: PrismaBetterSqlite3) {
    this.#inner = inner;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = (await this.#inner.connect()) as TAdapterWithClient;
    if (!adapter.client) throw new Error("the SQLite adapter did not expose its connection");
    this.#client = adapter.client;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => this.#track(await startTransaction(isolationLevel));
    return adapter;
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#inner.connectToShadowDb();
  }

  /** How many Prisma transactions are open on the connection right now. */
  get openTransactions(): number {
    return this.#openTransactions;
  }

  /**
   * Runs `statement` on the shared connection as soon as no Prisma transaction is open on
   * it. The connection is synchronous, so nothing can start a transaction in between.
   */
  run<T>(statement: (connection: BetterSqlite3.Database) => T): T | Promise<T> {
    if (this.#isFree()) return statement(this.#connection());
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push(() => {
        try {
          resolve(statement(this.#connection()));
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  #connection(): BetterSqlite3.Database {
    if (!this.#client?.open) throw new Error("the SQLite connection is not open");
    return this.#client;
  }

  // `inTransaction` also covers the moment between the adapter's BEGIN and #track.
  #isFree(): boolean {
    return this.#openTransactions === 0 && !this.#client?.inTransaction && this.#waiting.length === 0;
  }

  #track(transaction: Transaction): Transaction {
    this.#openTransactions += 1;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.#openTransactions -= 1;
      this.#drain();
    };
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = async () => {
      try {
        await commit();
      } finally {
        end();
      }
    };
    transaction.rollback = async () => {
      try {
        await rollback();
      } finally {
        end();
      }
    };
    return transaction;
  }

  #drain(): void {
    while (this.#openTransactions === 0 && this.#waiting.length > 0) {
      this.#waiting.shift()!();
    }
  }
}
