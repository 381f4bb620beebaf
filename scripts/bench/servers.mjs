// Starts the servers under test as child processes on loopback: Hushlink's production
// server ("lean": `npm start`), the same build through Next.js route handlers ("next-route":
// `next start`), and the floor (a bare node:http server, floor-server.mjs).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { productionServerArgs } from "../production-server.mjs";
import { ROOT, applyAppSchema } from "./databases.mjs";
import { stopChild, trackChild } from "./processes.mjs";

const START_TIMEOUT_MS = 90_000;
const POLL_INTERVAL_MS = 150;
const LOG_TAIL_BYTES = 4_096;
/** So rate limits never shape the numbers. */
const UNLIMITED = "100000000";

/** @typedef {"lean" | "next-route" | "floor"} TServerKind */
/** @typedef {{ kind: TServerKind, baseUrl: string, pid: number, logTail: () => string, stop: () => Promise<void> }} TRunningServer */

/** A free loopback port. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers with the expected status, or the child dies, or time runs out. */
async function waitUntilReady({ url, expectStatus, child, logTail }) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it answered ${url}\n${logTail()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === expectStatus) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`no answer from ${url} within ${START_TIMEOUT_MS} ms\n${logTail()}`);
}

/**
 * Spawns a Node child in its own process group (so everything it starts can be stopped
 * with it), keeps the tail of its output for error messages, and waits until it answers.
 */
async function spawnServer({ kind, args, env, port, readyPath, expectStatus }) {
  let tail = "";
  const keep = (chunk) => {
    tail = (tail + chunk.toString("utf8")).slice(-LOG_TAIL_BYTES);
  };
  const child = trackChild(
    spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] }),
    { group: true },
  );
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const logTail = () => tail;
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady({ url: `${baseUrl}${readyPath}`, expectStatus, child, logTail });
  } catch (error) {
    await stopChild(child, 2_000);
    throw error;
  }
  return { kind, baseUrl, pid: /** @type {number} */ (child.pid), logTail, stop: () => stopChild(child) };
}

/**
 * Hushlink in production mode on a database. `env` adds or overrides variables (for example
 * PURGE_INTERVAL_SECONDS).
 * @param {{ database: import("./databases.mjs").TBenchDatabase, mode: "lean" | "next-route", env?: Record<string, string> }} options
 * @returns {Promise<TRunningServer>}
 */
export async function startHushlink({ database, mode, env = {} }) {
  const port = await freePort();
  const args =
    mode === "lean"
      ? productionServerArgs(ROOT)
      : [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  return spawnServer({
    kind: mode,
    args,
    port,
    readyPath: "/api/health",
    expectStatus: 200,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      RATE_LIMIT_CREATES_PER_MINUTE: UNLIMITED,
      RATE_LIMIT_REVEALS_PER_MINUTE: UNLIMITED,
      ...env,
    },
  });
}

/**
 * The floor on its own fresh database, with the app's schema applied from its migrations.
 * @param {{ database: import("./databases.mjs").TBenchDatabase }} options
 * @returns {Promise<TRunningServer>}
 */
export async function startFloor({ database }) {
  await applyAppSchema(database);
  const port = await freePort();
  return spawnServer({
    kind: "floor",
    args: [path.join(import.meta.dirname, "floor-server.mjs")],
    port,
    readyPath: "/healthz",
    expectStatus: 200,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), DATABASE_URL: database.url, NODE_ENV: "production" },
  });
}

/**
 * Starts a server, runs `use`, and stops it whatever happens.
 * @template T
 * @param {() => Promise<TRunningServer>} start
 * @param {(server: TRunningServer) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withServer(start, use) {
  const server = await start();
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}
