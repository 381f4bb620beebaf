import { fork, spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const HEALTH_TIMEOUT_MS = 60_000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
export function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

async function waitForHttp(url, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}`);
}

/** Applies the app's own migrations to a fresh database (used for the floor's database). */
export async function applyAppMigrations(database) {
  const directory = path.join(ROOT, "prisma/migrations", database.provider);
  const files = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(directory, entry.name, "migration.sql"))
    .sort();
  if (database.provider === "sqlite") {
    const db = new Database(database.filePath);
    db.pragma("journal_mode = WAL");
    for (const file of files) db.exec(readFileSync(file, "utf8"));
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const file of files) await client.query(readFileSync(file, "utf8"));
  await client.end();
}

const databaseUrlOf = (database) => (database.provider === "sqlite" ? `file:${database.filePath}` : database.url);

/**
 * Starts Hushlink in production mode: "lean" is `npm start` (the API on the lean path),
 * "next-route" is `next start` (the same API through the Next.js route files).
 */
export async function startHushlink({ database, mode, env = {} }) {
  const port = await freePort();
  const command = mode === "lean" ? [path.join(ROOT, ".next/hushlink-server/main.mjs")] : [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrlOf(database),
      RATE_LIMIT_CREATES_PER_MINUTE: "100000000",
      RATE_LIMIT_REVEALS_PER_MINUTE: "100000000",
      ...env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/health`, child);
  return { baseUrl, pid: child.pid, stop: () => stopChild(child) };
}

/** Starts the floor server on its own fresh database with the same schema. */
export async function startFloor({ database }) {
  await applyAppMigrations(database);
  const port = await freePort();
  const child = fork(path.join(import.meta.dirname, "floor-server.mjs"), [String(port), databaseUrlOf(database)], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/v1/nothing`, child);
  return { baseUrl, pid: child.pid, stop: () => stopChild(child) };
}

function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
