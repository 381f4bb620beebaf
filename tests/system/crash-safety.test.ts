import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TTestDatabase } from "../helpers/test-databases";
import { createOverHttp, revealOverHttp, type TClientSecret } from "../helpers/system-client";
import { databaseUrlOf, startSystemServer } from "../helpers/system-server";

const kinds = await testDatabaseKinds();
const LOAD_LOOPS = 8;
const KILL_AFTER_MS = 2_500;

type TTracked = TClientSecret & { confirmedReveals: number; unknownReveals: number };

describe.each(kinds)("SIGKILL under load on %s", (kind) => {
  let database: TTestDatabase;
  afterAll(async () => database?.drop());

  it("keeps every answered create revealable exactly as often as allowed, with no double reveal and no repair", async () => {
    database = await createTestDatabase(kind);
    const databaseUrl = databaseUrlOf(database.config);
    const first = await startSystemServer({ databaseUrl });
    const tracked: TTracked[] = [];
    let requestsSent = 0;
    let killed = false;

    const loop = async (loopIndex: number) => {
      for (let step = 0; !killed && step < 10_000; step++) {
        const live = tracked.filter((secret) => secret.confirmedReveals + secret.unknownReveals < secret.maxViews);
        if (step % 2 === 0 || live.length === 0) {
          requestsSent++;
          const created = await createOverHttp(first.baseUrl, { text: `crash ${loopIndex}.${step}`, maxViews: 1 + (step % 3) }).catch(() => null);
          if (created) tracked.push({ ...created, confirmedReveals: 0, unknownReveals: 0 });
          continue;
        }
        const secret = live[step % live.length]!;
        secret.unknownReveals++;
        requestsSent++;
        const status = await revealOverHttp(first.baseUrl, secret).catch(() => 0);
        if (status === 0) continue; // lost in the crash: the view may or may not have been claimed
        secret.unknownReveals--;
        if (status === 200) secret.confirmedReveals++;
        else expect(status).toBe(404);
      }
    };
    const loops = Promise.all(Array.from({ length: LOAD_LOOPS }, (_, index) => loop(index)));
    await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
    await first.kill("SIGKILL");
    killed = true;
    await loops;
    expect(tracked.length).toBeGreaterThan(10);

    const second = await startSystemServer({ databaseUrl });
    try {
      expect(second.output()).not.toContain("database.migrated");
      let doubleReveals = 0;
      let lost = 0;
      for (const secret of tracked) {
        let afterRestart = 0;
        while (afterRestart <= secret.maxViews && (await revealOverHttp(second.baseUrl, secret)) === 200) afterRestart++;
        const served = secret.confirmedReveals + afterRestart;
        if (served > secret.maxViews) doubleReveals++;
        if (served < secret.maxViews - secret.unknownReveals) lost++;
      }
      console.log(`[crash ${kind}] requests ${requestsSent}, creates answered ${tracked.length}, lost ${lost}, over-served ${doubleReveals}`);
      expect(doubleReveals).toBe(0);
      expect(lost).toBe(0);
    } finally {
      await second.kill("SIGTERM");
    }
  });
});
