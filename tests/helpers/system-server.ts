import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import type { TDatabaseConfig } from "@/lib/db";
import { productionServerArgs } from "../../scripts/production-server.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HEALTH_TIMEOUT_MS = 60_000;

export function freePort(): Promise<number> {
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

export function databaseUrlOf(config: TDatabaseConfig): string {
  return config.provider === "sqlite" ? `file:${config.filePath}` : config.url;
}

export type TSystemServer = {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
};

/**
 * The real production server (`npm start`) as a child process on a free loopback port, or
 * with `mode: "next-route"` the same build through Next.js route handlers (`next start`).
 */
export async function startSystemServer(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  port?: number;
  mode?: "lean" | "next-route";
}): Promise<TSystemServer> {
  const port = options.port ?? (await freePort());
  let output = "";
  const args =
    options.mode === "next-route"
      ? [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"]
      : productionServerArgs(ROOT);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "info",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      RATE_LIMIT_CREATES_PER_MINUTE: "1000000",
      RATE_LIMIT_REVEALS_PER_MINUTE: "1000000",
      ...options.env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.slice(-4000)}`);
    const healthy = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.status === 200, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server not healthy in time:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    port,
    process: child,
    output: () => output,
    exited,
    kill: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
