import { afterAll, describe, expect, it } from "vitest";
import { deriveRevealKeys, sealSecret } from "@/lib/crypto";
import { createPostgresTestDatabase, isPostgresReachable, postgresRequired, type TTestDatabase } from "../helpers/test-databases";
import { createOverHttp, revealOverHttp, type TClientSecret } from "../helpers/system-client";
import { startSystemServer } from "../helpers/system-server";
import { startTcpProxy } from "../helpers/system-tcp-proxy";

const reachable = await isPostgresReachable();
if (!reachable && postgresRequired) throw new Error("PostgreSQL is required for the outage test");

/** Long enough for several answers even when each waits out the 3 s connect timeout (blackhole). */
const OUTAGE_MS = { blackhole: 13_000, refuse: 9_000 } as const;
const SLOW_ANSWER_MS = 5_000;

type TSample = { at: number; route: string; status: number; ms: number };

describe.runIf(reachable)("PostgreSQL outage", () => {
  let database: TTestDatabase;
  afterAll(async () => database?.drop());

  it.each(["blackhole", "refuse"] as const)("answers 503 quickly while the database is unreachable (%s), keeps data whole, and recovers by itself", async (how) => {
    database = await createPostgresTestDatabase();
    const proxy = await startTcpProxy({ targetPort: 5432 });
    const url = new URL(database.config.provider === "postgresql" ? database.config.url : "");
    url.host = `127.0.0.1:${proxy.port}`;
    const server = await startSystemServer({ databaseUrl: url.toString() });
    const samples: TSample[] = [];
    const created: TClientSecret[] = [];
    try {
      for (let index = 0; index < 5; index++) created.push((await createOverHttp(server.baseUrl, { text: `before ${index}`, maxViews: 2 }))!);

      let stop = false;
      const pendingProofs = new Map<number, string>();
      const createBody = async (text: string) => {
        const sealed = await sealSecret({ payload: { type: "text", text } });
        const step = Number(text.split(" ")[1]);
        pendingProofs.set(step, (await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf })).proof);
        return { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: 1 };
      };
      const timed = async (route: string, call: () => Promise<number>) => {
        const started = Date.now();
        const status = await call().catch(() => 0);
        samples.push({ at: started, route, status, ms: Date.now() - started });
      };
      // Three clients at once, each sending its next request as soon as the last is answered.
      const client = async (route: string, call: (step: number) => Promise<number>) => {
        for (let step = 0; !stop && step < 2_000; step++) {
          await timed(route, () => call(step));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      const load = Promise.all([
        client("health", async () => (await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(15_000) })).status),
        client("create", async (step) => {
          const response = await fetch(`${server.baseUrl}/api/v1/secrets`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(await createBody(`during ${step}`)),
            signal: AbortSignal.timeout(15_000),
          });
          if (response.status === 201) created.push({ ...((await response.json()) as { id: string }), proof: pendingProofs.get(step)!, maxViews: 1 });
          return response.status;
        }),
        client("describe", async () => (await fetch(`${server.baseUrl}/api/v1/secrets/${created[0]!.id}`, { signal: AbortSignal.timeout(15_000) })).status),
      ]);

      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const cutAt = Date.now();
      proxy.cut(how);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS[how]));
      const restoredAt = Date.now();
      proxy.restore();
      let recoveredAt: number | null = null;
      while (Date.now() - restoredAt < 30_000) {
        const status = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, () => 0);
        if (status === 200) {
          recoveredAt = Date.now();
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      stop = true;
      await load;

      // Sent after the cut and answered before the restore: a request still in flight when
      // the database comes back may rightly succeed.
      const duringOutage = samples.filter((sample) => sample.at >= cutAt + 200 && sample.at + sample.ms < restoredAt);
      const outsideOutage = samples.filter((sample) => sample.at + sample.ms < cutAt || sample.at > (recoveredAt ?? restoredAt) + 200);
      const slowest = Math.max(...duringOutage.map((sample) => sample.ms));
      console.log(
        `[outage ${how}] requests ${samples.length}, during outage ${duringOutage.length} (statuses ${[...new Set(duringOutage.map((s) => s.status))].join("/")}, slowest ${slowest} ms), recovery ${recoveredAt ? recoveredAt - restoredAt : "none"} ms`,
      );
      const failures = server.output().split("\n").filter((line) => line.includes("request.failed") || line.includes("request_failed"));
      if (failures.length > 0) console.log(`[outage ${how}] server errors:\n${failures.slice(0, 10).join("\n")}`);
      expect(duringOutage.length).toBeGreaterThanOrEqual(3);
      expect(duringOutage.every((sample) => sample.status === 503)).toBe(true);
      expect(slowest).toBeLessThan(SLOW_ANSWER_MS);
      expect(outsideOutage.filter((sample) => sample.status >= 500)).toEqual([]);
      expect(recoveredAt).not.toBeNull();
      expect(recoveredAt! - restoredAt).toBeLessThan(10_000);

      // Nothing half-written: every answered create still reveals, as many times as allowed.
      for (const secret of created) {
        let served = 0;
        while (served <= secret.maxViews && (await revealOverHttp(server.baseUrl, secret)) === 200) served++;
        expect(served).toBe(secret.maxViews);
      }
    } finally {
      await server.kill("SIGTERM");
      await proxy.close();
      await database.drop();
    }
  });
});
