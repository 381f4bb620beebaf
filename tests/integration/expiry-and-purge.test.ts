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
});
