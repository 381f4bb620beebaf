import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeSpentSecrets } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { PURGE_TARGETS, purgeBatchStatement } from "@/lib/db/secrets/purge-spent-secrets";
import { testDatabaseKinds } from "../helpers/test-databases";
import { createSecretVia, proofFor, revealVia, startTestApi, type TTestApi } from "../helpers/test-api";

const kinds = await testDatabaseKinds();
const PLAN_FILLER_ROWS = 50_000;

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
    const prisma = api.context.db.prisma;
    // Enough live rows, with statistics, that a plan reading the whole table would show.
    const filler = kind === "sqlite"
      ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PLAN_FILLER_ROWS})
         INSERT INTO secrets (id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views)
         SELECT 'plan-filler-' || i, 'x', 'v', 'm', 1, 9000000000000 + i, 1 FROM n`
      : `INSERT INTO secrets (id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views)
         SELECT 'plan-filler-' || i, 'x', 'v', 'm', 1, 9000000000000 + i, 1 FROM generate_series(1, ${PLAN_FILLER_ROWS}) AS i`;
    await prisma.$executeRawUnsafe(filler);
    await prisma.$executeRawUnsafe("ANALYZE");
    try {
      const text = (rows: unknown) => JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
      for (const target of PURGE_TARGETS) {
        const statement = purgeBatchStatement(api.context.db.provider, target, { nowMs: api.clock.now().getTime(), batchSize: 1_000 });
        const plan = text(await prisma.$queryRaw(Prisma.sql`${Prisma.raw(kind === "sqlite" ? "EXPLAIN QUERY PLAN" : "EXPLAIN")} ${statement}`));
        expect(plan).toContain(target.index);
        expect(plan).not.toMatch(/Seq Scan on secrets|SCAN secrets(?! USING)|TEMP B-TREE/);
      }
    } finally {
      await prisma.$executeRawUnsafe("DELETE FROM secrets WHERE id LIKE 'plan-filler-%'");
    }
  });
});
