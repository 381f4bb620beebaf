import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findSecretsInLog } from "../helpers/e2e-secret-registry";
import { freePort } from "../helpers/system-server";
import { isProductionBuildPresent, productionServerArgs } from "../../scripts/production-server.mjs";
// @ts-expect-error plain ESM JavaScript without type declarations
import { startDemoIdp } from "../../scripts/demo-idp/create-demo-idp.mjs";

type TDemoIdp = { issuer: string; close: () => Promise<void> };

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the production server this run started, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
    /** Issuer URL of the demo OIDC provider the server signs people in with. */
    idpIssuer: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const LOG_TAIL_CHARS = 8_000;

function buildIfMissing(env: NodeJS.ProcessEnv) {
  if (isProductionBuildPresent(ROOT)) return;
  console.log("[e2e] production build missing: running npm run build ...");
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed with status ${result.status}`);
}

async function waitForHealth(options: { baseUrl: string; server: ChildProcess; log: () => string }) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (options.server.exitCode !== null) {
      throw new Error(`the server exited with ${options.server.exitCode}:\n${options.log()}`);
    }
    try {
      const response = await fetch(`${options.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not healthy within ${HEALTH_TIMEOUT_MS} ms:\n${options.log()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return Promise.resolve();
  const pid = server.pid;
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, STOP_TIMEOUT_MS);
    server.once("exit", () => {
      clearTimeout(killTimer);
      resolve();
    });
    try {
      // The server runs in its own process group (detached), so this reaches only the
      // processes this setup started.
      process.kill(-pid, "SIGTERM");
    } catch {
      clearTimeout(killTimer);
      resolve();
    }
  });
}

/**
 * Starts the production server (`npm start`: lean API path + Next.js) on a free port with a fresh SQLite file, waits
 * until /api/health answers 200 and hands the origin to the tests. Teardown stops it and
 * deletes the data directory.
 */
export default async function setup(project: TestProject) {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  buildIfMissing(env);

  const dataDir = mkdtempSync(path.join(tmpdir(), "hushlink-e2e-"));
  const port = await freePort();
  // localhost, not 127.0.0.1: browsers accept the __Host-/__Secure- cookies there.
  const baseUrl = `http://localhost:${port}`;
  const idp = (await startDemoIdp({
    port: 0,
    clients: [{ client_id: "hushlink-e2e", client_secret: "hushlink-e2e-secret", redirect_uris: [`${baseUrl}/api/auth/callback/oidc`] }],
  })) as TDemoIdp;
  let output = "";
  const log = () => output.slice(-LOG_TAIL_CHARS);

  const server = spawn(process.execPath, productionServerArgs(ROOT), {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: "hushlink-e2e",
      OIDC_CLIENT_SECRET: "hushlink-e2e-secret",
      OIDC_DISPLAY_NAME: "Demo SSO",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef",
      ALLOWED_EMAIL_DOMAINS: "acme.test",
      ADMIN_EMAILS: "alice@acme.test",
      HUSHLINK_DEMO_SIGN_IN: "1",
    },
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  try {
    await waitForHealth({ baseUrl, server, log });
  } catch (error) {
    await stop(server);
    await idp.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  project.provide("baseUrl", baseUrl);
  project.provide("idpIssuer", idp.issuer);
  const secretRegistryPath = path.join(dataDir, "secret-material.jsonl");
  project.provide("secretRegistryPath", secretRegistryPath);

  return async () => {
    await stop(server);
    await idp.close();
    if (process.env.HUSHLINK_E2E_SERVER_LOG) console.log(`[e2e] server output:\n${log()}`);
    // The server's whole log of the run must not contain any secret material a test used.
    const scan = findSecretsInLog({ log: output, registryPath: secretRegistryPath });
    rmSync(dataDir, { recursive: true, force: true });
    if (scan.leaks.length > 0) throw new Error(`secret material found in the server log: ${scan.leaks.join(", ")}`);
    if (scan.checked > 0 && !output.includes('"event":"secret.created"')) {
      throw new Error("the server log scan saw no secret.created events: the log was not captured");
    }
    console.log(`[e2e] server log scanned: ${scan.checked} secrets, ${output.split("\n").length} lines, no secret material`);
  };
}
