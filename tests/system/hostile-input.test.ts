import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZApiErrorBody } from "@/lib/validation";
import { createTestDatabase, testDatabaseKinds, type TTestDatabase } from "../helpers/test-databases";
import { sealForTest } from "../helpers/test-api";
import { databaseUrlOf, startSystemServer, type TSystemServer } from "../helpers/system-server";

const kinds = await testDatabaseKinds();
const REQUESTS_PER_DATABASE = 10_000;
const CONCURRENCY = 16;
const PER_REQUEST_TIMEOUT_MS = 10_000;

type TAttack = { method: string; path: string; headers: Record<string, string>; body: string | undefined };

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Generated and mutated requests for every API route, driven by the shapes of the zod schemas. */
function attackArbitrary(valid: { body: Record<string, unknown>; id: string; proof: string }): fc.Arbitrary<TAttack> {
  const jsonValue = fc.jsonValue({ maxDepth: 4 });
  const b64ish = fc.oneof(fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 60 }), fc.constantFrom("", "=", "AAAA", "A".repeat(22), "A".repeat(43)));
  const mutatedEnvelope = fc.record(
    {
      v: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
      alg: fc.oneof(fc.constant("xsalsa20poly1305"), fc.string()),
      kdf: fc.oneof(
        fc.constant({ alg: "none" }),
        fc.record({ alg: fc.constantFrom("scrypt", "none", "argon2"), N: fc.oneof(fc.integer(), fc.double()), r: fc.integer(), p: fc.integer(), salt: b64ish }, { requiredKeys: [] }),
        jsonValue,
      ),
      nonce: b64ish,
      ct: b64ish,
      extra: jsonValue,
    },
    { requiredKeys: [] },
  );
  const createBody = fc.oneof(
    fc.record(
      {
        envelope: fc.oneof(mutatedEnvelope, fc.constant(valid.body.envelope), jsonValue),
        verifier: fc.oneof(b64ish, fc.constant(valid.body.verifier)),
        expiresIn: fc.oneof(fc.integer(), fc.double(), fc.constant(3600), fc.string(), fc.constant(Number.MAX_SAFE_INTEGER)),
        maxViews: fc.oneof(fc.integer(), fc.constant(1), fc.constant(-1), fc.constant(1e308), fc.string()),
        label: fc.string({ maxLength: 200 }),
        restrictTo: fc.string(),
        teamId: fc.string(),
        __proto__: jsonValue,
      },
      { requiredKeys: [] },
    ),
    jsonValue,
  );
  const asText = (value: unknown) => fc.oneof(fc.constant(JSON.stringify(value)), fc.string({ maxLength: 300 }), fc.constant(JSON.stringify(value).slice(0, 20)));
  const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "", "APPLICATION/JSON", "application/jsonx");
  const id = fc.oneof(fc.constant(valid.id), fc.string({ minLength: 0, maxLength: 40 }).map(encodeURIComponent), fc.constantFrom("A".repeat(22), "..%2F..%2Fetc", "%00", "A".repeat(1000)));
  const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  return fc.oneof(
    // Some untouched valid creates, so "only accepted requests store rows" is tested both ways.
    fc.record({ method: fc.constant("POST"), path: fc.constant("/api/v1/secrets"), contentType: fc.constant("application/json"), body: fc.constant(JSON.stringify(valid.body)) }),
    fc.record({ method: fc.constant("POST"), path: fc.constant("/api/v1/secrets"), contentType, body: createBody.chain(asText) }),
    fc.record({ method, path: fc.constant("/api/v1/secrets"), contentType, body: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }) }),
    fc.record({ method, path: id.map((value) => `/api/v1/secrets/${value}`), contentType, body: fc.option(jsonValue.chain(asText), { nil: undefined }) }),
    fc.record({
      method: fc.constant("POST"),
      path: id.map((value) => `/api/v1/secrets/${value}/reveal`),
      contentType,
      body: fc.oneof(fc.record({ proof: fc.oneof(b64ish, fc.constant(valid.proof)), extra: jsonValue }, { requiredKeys: [] }).chain(asText), fc.string()),
    }),
    fc.record({ method, path: fc.constantFrom("/api/health", "/api/v1/me", "/api/v1/dashboard/secrets?page=-1&status=x", "/api/v1/nothing", "/api/v1/teams/x/members", "/api/metrics"), contentType, body: fc.constant(undefined) }),
  ).map(({ method: verb, path, contentType: type, body }): TAttack => {
    const headers: Record<string, string> = {};
    if (type) headers["Content-Type"] = type;
    return { method: verb, path, headers, body: verb === "GET" || verb === "HEAD" ? undefined : body };
  });
}

function send(server: TSystemServer, attack: TAttack): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Node's client sends DELETE/OPTIONS bodies unframed unless told their length.
    const headers = attack.body === undefined ? attack.headers : { ...attack.headers, "Content-Length": String(Buffer.byteLength(attack.body)) };
    const outgoing = httpRequest(
      { host: "127.0.0.1", port: server.port, method: attack.method, path: attack.path, headers, timeout: PER_REQUEST_TIMEOUT_MS },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`hang: ${attack.method} ${attack.path}`)));
    outgoing.on("error", reject);
    outgoing.end(attack.body);
  });
}

describe.each(kinds)("hostile input against the real server on %s", (kind) => {
  let database: TTestDatabase;
  let server: TSystemServer;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startSystemServer({ databaseUrl: databaseUrlOf(database.config) });
  });
  afterAll(async () => {
    await server?.kill("SIGTERM");
    await database?.drop();
  });

  it(`answers ${REQUESTS_PER_DATABASE} generated and mutated requests without a 5xx or a hang, and stores only what it accepted`, async () => {
    const sealed = await sealForTest({ text: "valid" });
    const valid = { body: { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: 1 }, id: "A".repeat(22), proof: "A".repeat(43) };
    const attacks = fc.sample(attackArbitrary(valid), { numRuns: REQUESTS_PER_DATABASE, seed: 20261128 });
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);

    const statuses = new Map<number, number>();
    let created = 0;
    const failures: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < attacks.length) {
          const attack = attacks[next++]!;
          const { status, body } = await send(server, attack);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500) failures.push(`${status} for ${attack.method} ${attack.path}`);
          if (status === 201) created++;
          if (status >= 400 && attack.method !== "HEAD" && !ZApiErrorBody.safeParse(JSON.parse(body || "null")).success) {
            failures.push(`non-JSON error body (${status}: ${body.slice(0, 80)}) for ${attack.method} ${attack.path.slice(0, 60)}`);
          }
        }
      }),
    );
    console.log(`[hostile ${kind}] ${attacks.length} requests: ${[...statuses].map(([status, count]) => `${status}×${count}`).join(" ")}`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(created).toBeGreaterThan(100);

    // Only accepted creates left rows behind.
    const { openDatabase } = await import("@/lib/db");
    const db = await openDatabase(database.config);
    try {
      expect(await db.prisma.secret.count()).toBe(created);
    } finally {
      await db.close();
    }
  });

  it("cuts off an oversized chunked body and slow-loris connections without holding memory", async () => {
    const pid = server.process.pid!;
    const before = rssMb(pid);
    const chunked = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: "127.0.0.1", port: server.port, method: "POST", path: "/api/v1/secrets", headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on("error", (error) => (String(error).includes("EPIPE") || String(error).includes("ECONNRESET") ? resolve(413) : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!outgoing.write(chunk)) return outgoing.once("drain", pump);
        }
        outgoing.end();
      };
      pump();
    });
    expect(chunked).toBe(413);

    const sockets = Array.from({ length: 50 }, () => {
      const socket = connect(server.port, "127.0.0.1");
      socket.on("error", () => undefined);
      socket.write("POST /api/v1/secrets HTTP/1.1\r\nHost: x\r\n");
      return socket;
    });
    const trickle = setInterval(() => sockets.forEach((socket) => socket.writable && socket.write("X")), 1_000);
    const healthWhileSlow = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    expect(healthWhileSlow.status).toBe(200);
    const closed = await Promise.race([
      Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once("close", resolve)))).then(() => "closed"),
      new Promise((resolve) => setTimeout(() => resolve("still open"), 40_000)),
    ]);
    clearInterval(trickle);
    sockets.forEach((socket) => socket.destroy());
    expect(closed).toBe("closed");
    expect(rssMb(pid) - before).toBeLessThan(50);
  });
});
