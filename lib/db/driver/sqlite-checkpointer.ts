import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** How often the worker copies the WAL back into the database file. */
export const CHECKPOINT_INTERVAL_MS = 200;
/** SQLite's own default, restored on the serving connection if the worker ever stops. */
export const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

// The worker: its own connection to the file, a PASSIVE checkpoint on a timer. PASSIVE never
// waits for and never blocks the serving connection; it copies what it can and the rest
// waits for the next tick. Plain CommonJS so it runs from any bundle (eval worker).
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.filePath, { timeout: 0 });
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or locked for a moment: the next tick copies it.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage("stopped");
  parentPort.close();
});
parentPort.postMessage("started");
`;

export type TSqliteCheckpointer = { stop: () => Promise<void> };

/**
 * Moves WAL checkpoints off the event loop. With SQLite's automatic checkpoint, the commit
 * that crosses 1,000 WAL pages copies them all back into the database file (and fsyncs it)
 * before its request is answered; on a large table, where every insert dirties pages of a
 * random-id index, that is thousands of random writes every few hundred requests. Here a
 * worker thread checkpoints instead and the serving connection's automatic checkpoint is
 * off (`disableAutocheckpoint`), and back on (`enableAutocheckpoint`) if the worker fails.
 * The database's durability does not change: a commit is in the WAL either way.
 */
export async function startSqliteCheckpointer(options: {
  filePath: string;
  disableAutocheckpoint: () => Promise<unknown>;
  enableAutocheckpoint: () => Promise<unknown>;
  intervalMs?: number;
}): Promise<TSqliteCheckpointer> {
  const driverPath = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { filePath: options.filePath, driverPath, intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS },
    // A checkpointer holding the process open would delay every shutdown.
    stdout: false,
    stderr: false,
  });
  worker.unref();
  let running = false;
  const fallBack = () => {
    if (!running) return;
    running = false;
    // The serving connection may be closing already: then there is nothing left to protect.
    options.enableAutocheckpoint().catch(() => undefined);
  };
  worker.on("error", fallBack);
  worker.on("exit", fallBack);
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the SQLite checkpointer exited (${code}) before it started`)));
  });
  running = true;
  await options.disableAutocheckpoint();

  return {
    stop: async () => {
      if (!running) return;
      fallBack();
      const stopped = new Promise<void>((resolve) => {
        worker.once("message", () => resolve());
        worker.once("exit", () => resolve());
      });
      worker.postMessage("stop");
      await stopped;
      await worker.terminate();
    },
  };
}
