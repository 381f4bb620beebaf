import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeSpentSecrets } from "@/lib/db";
import { testDatabaseKinds } from "../helpers/test-databases";
import { createSecretVia, proofFor, revealVia, startTestApi, type TTestApi } from "../helpers/test-api";

const kinds = await testDatabaseKinds();

describe.each(kinds)("expiry and purge on %s", (kind) => {
  let api: TTestApi;
  beforeAll(async () => {
    api = await startTestApi({ kind });
  });
  afterAll(async () => api?.close());

  it("never serves a secret after its expiry, and the purge drops its ciphertext but keeps metadata", async () => {
    const created = await createSecretVia(api, { text: "short lived", expiresIn: 300, maxViews: 3 });
    const { proof } = await proofFor(created);
    api.clock.advanceSeconds(299);
    expect((await api.call(`/api/v1/secrets/${created.id}`)).status).toBe(200);
    api.clock.advanceSeconds(1);
    expect((await api.call(`/api/v1/secrets/${created.id}`)).status).toBe(404);
    expect((await revealVia(api, { id: created.id, proof })).status).toBe(404);
    expect((await api.call(`/api/v1/secrets/${created.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${created.manageToken}` } })).status).toBe(404);

    const before = await api.context.db.prisma.secret.findUnique({ where: { id: created.id } });
    expect(before?.envelope).not.toBeNull();
    const { purged } = await purgeSpentSecrets(api.context.db, { now: api.clock.now() });
    expect(purged).toBeGreaterThanOrEqual(1);
    const after = await api.context.db.prisma.secret.findUnique({ where: { id: created.id } });
    expect(after?.envelope).toBeNull();
    expect(after?.purgedAtMs).not.toBeNull();
    expect(after?.maxViews).toBe(3);
    expect(Number(after?.createdAtMs)).toBeGreaterThan(0);
  });

  it("purges in batches and leaves live secrets alone", async () => {
    const live = await createSecretVia(api, { text: "live", expiresIn: 86_400 });
    const doomed = await Promise.all(Array.from({ length: 7 }, () => createSecretVia(api, { text: "doomed", expiresIn: 300 })));
    api.clock.advanceSeconds(600);
    const { purged } = await purgeSpentSecrets(api.context.db, { now: api.clock.now(), batchSize: 3 });
    expect(purged).toBeGreaterThanOrEqual(7);
    for (const secret of doomed) {
      const row = await api.context.db.prisma.secret.findUnique({ where: { id: secret.id } });
      expect(row?.envelope).toBeNull();
    }
    expect((await api.call(`/api/v1/secrets/${live.id}`)).status).toBe(200);
  });

  it("purges what a crash left behind: used-up or burned rows that still hold ciphertext", async () => {
    const usedUp = await createSecretVia(api, { text: "crash after last view", expiresIn: 86_400, maxViews: 2 });
    const burned = await createSecretVia(api, { text: "crash during burn", expiresIn: 86_400 });
    const live = await createSecretVia(api, { text: "still live", expiresIn: 86_400, maxViews: 2 });
    // The states a crash between the claim (or burn) and the envelope drop would leave.
    await api.context.db.prisma.secret.update({ where: { id: usedUp.id }, data: { viewsUsed: 2 } });
    await api.context.db.prisma.secret.update({ where: { id: burned.id }, data: { burnedAtMs: BigInt(api.clock.now().getTime()) } });
    await api.context.db.prisma.secret.update({ where: { id: live.id }, data: { viewsUsed: 1 } });

    const { purged } = await purgeSpentSecrets(api.context.db, { now: api.clock.now() });
    expect(purged).toBeGreaterThanOrEqual(2);
    for (const id of [usedUp.id, burned.id]) expect((await api.context.db.prisma.secret.findUnique({ where: { id } }))?.envelope).toBeNull();
    expect((await api.context.db.prisma.secret.findUnique({ where: { id: live.id } }))?.envelope).not.toBeNull();
  });

  it("finds purge candidates through the partial indexes, not by scanning the table", async () => {
    const candidates = {
      secrets_live_expires_at_ms_idx: "envelope IS NOT NULL AND expires_at_ms <= 0",
      secrets_spent_with_envelope_idx: "envelope IS NOT NULL AND (views_used >= max_views OR burned_at_ms IS NOT NULL)",
    };
    const text = (rows: unknown) => JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
    for (const [index, condition] of Object.entries(candidates)) {
      const query = `SELECT id FROM secrets ${kind === "sqlite" ? `INDEXED BY ${index}` : ""} WHERE ${condition} LIMIT 1000`;
      const plan =
        kind === "sqlite"
          ? text(await api.context.db.prisma.$queryRawUnsafe(`EXPLAIN QUERY PLAN ${query}`))
          : // A near-empty table makes any plan cheap: forbid the sequential scan to see whether the index can serve.
            text(
              await api.context.db.prisma.$transaction([
                api.context.db.prisma.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
                api.context.db.prisma.$queryRawUnsafe(`EXPLAIN ${query}`),
              ]),
            );
      expect(plan).toContain(index);
    }
  });
});
