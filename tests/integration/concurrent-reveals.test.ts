import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../helpers/test-databases";
import { createSecretVia, decryptRevealed, proofFor, revealVia, startTestApi, type TTestApi } from "../helpers/test-api";

const kinds = await testDatabaseKinds();

async function raceReveals(api: TTestApi, options: { maxViews: number; racers: number }) {
  const created = await createSecretVia(api, { text: `race for ${options.maxViews}`, maxViews: options.maxViews });
  const keys = await proofFor(created);
  const responses = await Promise.all(
    Array.from({ length: options.racers }, () => revealVia(api, { id: created.id, proof: keys.proof })),
  );
  const statuses = responses.map((response) => response.status);
  const winners = responses.filter((response) => response.status === 200);
  const texts = await Promise.all(
    winners.map(async (response) => {
      const body = (await response.json()) as { envelope: typeof created.envelope };
      return decryptRevealed({ envelope: body.envelope, encryptionKey: keys.encryptionKey });
    }),
  );
  return { statuses, texts };
}

describe.each(kinds)("concurrent reveals on %s", (kind) => {
  let api: TTestApi;
  beforeAll(async () => {
    api = await startTestApi({ kind });
  });
  afterAll(async () => api?.close());

  it("gives exactly one of 50 parallel reveals of a 1-view secret the secret, and 49 a 404", async () => {
    const { statuses, texts } = await raceReveals(api, { maxViews: 1, racers: 50 });
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 404)).toHaveLength(49);
    expect(texts).toEqual(["race for 1"]);
  });

  it("gives exactly 3 of 20 parallel reveals of a 3-view secret the secret", async () => {
    const { statuses, texts } = await raceReveals(api, { maxViews: 3, racers: 20 });
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 404)).toHaveLength(17);
    expect(texts).toEqual(["race for 3", "race for 3", "race for 3"]);
  });
});
