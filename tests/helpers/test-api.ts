import { buildAppContext } from "@/lib/app-context";
import { sealSecret, deriveRevealKeys, openEnvelope, type TEnvelopeV1 } from "@/lib/crypto";
import { parseServerEnv } from "@/lib/env";
import { createApiHandler, type TApiContext } from "@/lib/http/api-handler";
import { createTestDatabase, type TTestDatabase } from "./test-databases";

export const TEST_ORIGIN = "http://hushlink.test";

/** A controllable clock: tests move time instead of sleeping. */
export function createTestClock(startMs = Date.now()) {
  let nowMs = startMs;
  return { now: () => new Date(nowMs), advanceSeconds: (seconds: number) => (nowMs += seconds * 1000) };
}

export type TTestApi = Awaited<ReturnType<typeof startTestApi>>;

/**
 * The real API handler on a fresh real database (SQLite file or PostgreSQL database made
 * for this run), called with Web Requests, no HTTP server in between.
 */
export async function startTestApi(options: { kind: "sqlite" | "postgresql"; env?: Record<string, string> }) {
  const database: TTestDatabase = await createTestDatabase(options.kind);
  const clock = createTestClock();
  const databaseUrl = database.config.provider === "sqlite" ? `file:${database.config.filePath}` : database.config.url;
  const env = parseServerEnv({
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_CREATES_PER_MINUTE: "100000",
    RATE_LIMIT_REVEALS_PER_MINUTE: "100000",
    DATABASE_POOL_SIZE: "20",
    ...options.env,
  });
  const context: TApiContext = await buildAppContext(env, { now: clock.now });
  const handler = createApiHandler(async () => context);
  let socketCounter = 0;

  const call = (path: string, init: RequestInit & { socketIp?: string } = {}) => {
    const { socketIp, ...requestInit } = init;
    return handler(new Request(`${TEST_ORIGIN}${path}`, requestInit), { socketIp: socketIp ?? `10.0.0.${(socketCounter++ % 250) + 1}` });
  };
  const postJson = (path: string, body: unknown, init: RequestInit & { socketIp?: string } = {}) =>
    call(path, { ...init, method: "POST", headers: { "Content-Type": "application/json", ...init.headers }, body: JSON.stringify(body) });

  return {
    database,
    context,
    clock,
    call,
    postJson,
    close: async () => {
      await context.db.close();
      await database.drop();
    },
  };
}

/** Encrypts `text` exactly as the browser does and returns what a creator holds afterwards. */
export async function sealForTest(options: { text: string; passphrase?: string }) {
  return sealSecret({ payload: { type: "text", text: options.text }, passphrase: options.passphrase, scryptN: 2 ** 15 });
}

export async function createSecretVia(
  api: TTestApi,
  options: { text: string; passphrase?: string; maxViews?: number; expiresIn?: number },
) {
  const sealed = await sealForTest(options);
  const response = await api.postJson("/api/v1/secrets", {
    envelope: sealed.envelope,
    verifier: sealed.verifier,
    expiresIn: options.expiresIn ?? 3600,
    maxViews: options.maxViews ?? 1,
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as { id: string; expiresAt: string; maxViews: number; manageToken: string };
  return { ...created, ...sealed };
}

export async function proofFor(options: { linkKey: string; envelope: TEnvelopeV1; passphrase?: string }) {
  return deriveRevealKeys({ linkKey: options.linkKey, kdf: options.envelope.kdf, passphrase: options.passphrase });
}

export async function revealVia(api: TTestApi, options: { id: string; proof: string; socketIp?: string }) {
  return api.postJson(`/api/v1/secrets/${options.id}/reveal`, { proof: options.proof }, { socketIp: options.socketIp });
}

export function decryptRevealed(options: { envelope: TEnvelopeV1; encryptionKey: Uint8Array }): string {
  return openEnvelope(options).text;
}
