import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../helpers/test-databases";
import { createSecretVia, decryptRevealed, proofFor, revealVia, startTestApi, type TTestApi } from "../helpers/test-api";

const kinds = await testDatabaseKinds();

describe.each(kinds)("secret lifecycle on %s", (kind) => {
  let api: TTestApi;
  beforeAll(async () => {
    api = await startTestApi({ kind });
  });
  afterAll(async () => api?.close());

  it("creates a secret, describes it without consuming, reveals it once, then answers 404", async () => {
    const created = await createSecretVia(api, { text: "AKIA-line-1\nline 2 ✓" });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.maxViews).toBe(1);
    expect(new Date(created.expiresAt).getTime()).toBe(api.clock.now().getTime() + 3600_000);

    for (let i = 0; i < 3; i++) {
      const described = await api.call(`/api/v1/secrets/${created.id}`);
      expect(described.status).toBe(200);
      expect(described.headers.get("cache-control")).toBe("no-store");
      expect(await described.json()).toEqual({ id: created.id, expiresAt: created.expiresAt, viewsLeft: 1, kdf: { alg: "none" } });
    }

    const keys = await proofFor(created);
    const revealed = await revealVia(api, { id: created.id, proof: keys.proof });
    expect(revealed.status).toBe(200);
    const body = (await revealed.json()) as { envelope: typeof created.envelope; viewsLeft: number };
    expect(body.viewsLeft).toBe(0);
    expect(body.envelope).toEqual(created.envelope);
    expect(decryptRevealed({ envelope: body.envelope, encryptionKey: keys.encryptionKey })).toBe("AKIA-line-1\nline 2 ✓");

    expect((await revealVia(api, { id: created.id, proof: keys.proof })).status).toBe(404);
    expect((await api.call(`/api/v1/secrets/${created.id}`)).status).toBe(404);
  });

  it("drops the ciphertext at the last view but keeps the metadata", async () => {
    const created = await createSecretVia(api, { text: "drop me", maxViews: 2 });
    const { proof } = await proofFor(created);
    expect((await revealVia(api, { id: created.id, proof })).status).toBe(200);
    let row = await api.context.db.prisma.secret.findUnique({ where: { id: created.id } });
    expect(row?.envelope).not.toBeNull();
    expect((await revealVia(api, { id: created.id, proof })).status).toBe(200);
    row = await api.context.db.prisma.secret.findUnique({ where: { id: created.id } });
    expect(row?.envelope).toBeNull();
    expect(row?.viewsUsed).toBe(2);
    expect(row?.lastViewedAtMs).not.toBeNull();
  });

  it("reveals with a passphrase and consumes nothing on a wrong one", async () => {
    const created = await createSecretVia(api, { text: "with passphrase", passphrase: "correct horse" });
    const described = (await (await api.call(`/api/v1/secrets/${created.id}`)).json()) as { kdf: { alg: string } };
    expect(described.kdf.alg).toBe("scrypt");

    const wrong = await proofFor({ ...created, passphrase: "wrong horse" });
    const refused = await revealVia(api, { id: created.id, proof: wrong.proof });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("hushlink-attempts-left")).toBe("9");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("wrong_proof");
    const stillThere = (await (await api.call(`/api/v1/secrets/${created.id}`)).json()) as { viewsLeft: number };
    expect(stillThere.viewsLeft).toBe(1);

    const right = await proofFor({ ...created, passphrase: "correct horse" });
    const revealed = await revealVia(api, { id: created.id, proof: right.proof });
    expect(revealed.status).toBe(200);
    const body = (await revealed.json()) as { envelope: typeof created.envelope };
    expect(decryptRevealed({ envelope: body.envelope, encryptionKey: right.encryptionKey })).toBe("with passphrase");
  });

  it("burns the secret after 10 wrong proofs", async () => {
    const created = await createSecretVia(api, { text: "guess me", maxViews: 5 });
    const wrong = await proofFor({ ...created, linkKey: "A".repeat(43) });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await revealVia(api, { id: created.id, proof: wrong.proof })).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 403, 403, 403, 404]);
    const right = await proofFor(created);
    expect((await revealVia(api, { id: created.id, proof: right.proof })).status).toBe(404);
    const row = await api.context.db.prisma.secret.findUnique({ where: { id: created.id } });
    expect(row?.envelope).toBeNull();
    expect(row?.burnedAtMs).not.toBeNull();
    expect(row?.viewsUsed).toBe(0);
  });

  it("burns a secret with its manage token, and refuses others", async () => {
    const created = await createSecretVia(api, { text: "burn me" });
    const other = await createSecretVia(api, { text: "not yours" });
    const burnWith = (id: string, authorization?: string) =>
      api.call(`/api/v1/secrets/${id}`, { method: "DELETE", headers: authorization ? { Authorization: authorization } : {} });

    expect((await burnWith(created.id)).status).toBe(404);
    expect((await burnWith(created.id, `Bearer ${other.manageToken}`)).status).toBe(404);
    expect((await burnWith(created.id, "Basic abc")).status).toBe(404);
    const burned = await burnWith(created.id, `Bearer ${created.manageToken}`);
    expect(burned.status).toBe(204);
    expect(await burned.text()).toBe("");
    expect((await burnWith(created.id, `Bearer ${created.manageToken}`)).status).toBe(404);
    expect((await api.call(`/api/v1/secrets/${created.id}`)).status).toBe(404);
    const { proof } = await proofFor(created);
    expect((await revealVia(api, { id: created.id, proof })).status).toBe(404);
    expect((await api.call(`/api/v1/secrets/${other.id}`)).status).toBe(200);
  });

  it("answers GET /api/health with ok", async () => {
    const response = await api.call("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
