import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Only the cross-check block below uses lib/crypto; the HTTP cases use the independent client alone.
import { deriveRevealKeys, openEnvelope, sealSecret, verifierForProof } from "@/lib/crypto";
import { createApiCoreHandler } from "@/lib/http/api-handler";
import { fromNodeRequest, writeApiResponse } from "@/lib/server/node-api-bridge";
import {
  designApi,
  designOpen,
  designRevealKeys,
  designSeal,
  designSealWith,
  fromBase64Url,
  type TDesignCreated,
  type TDesignDescribed,
  type TDesignEnvelope,
  type TDesignError,
  type TDesignRevealed,
} from "../helpers/design-md-client";
import { startTestApi, type TTestApi } from "../helpers/test-api";
import { testDatabaseKinds } from "../helpers/test-databases";

const kinds = await testDatabaseKinds();
const TEST_SCRYPT_N = 32768;
const ONE_HOUR_SECONDS = 3600;

/** The real API handler on a real database, behind a plain node:http server as the lean server mounts it, on a random loopback port. */
async function startHttpApi(kind: "sqlite" | "postgresql") {
  const api = await startTestApi({ kind });
  const handler = createApiCoreHandler(async () => api.context);
  const server: Server = createServer((incoming, outgoing) => {
    const { request, bodyAbandoned } = fromNodeRequest(incoming);
    handler(request, { socketIp: incoming.socket.remoteAddress })
      .then((response) => writeApiResponse(response, outgoing, { closeConnection: bodyAbandoned() }))
      .catch(() => {
        outgoing.statusCode = 500;
        outgoing.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    api,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await api.close();
    },
  };
}

function expectError(response: { status: number; headers: Headers; body: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = response.body as TDesignError;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
  expect(body.error.code).toBe(code);
}

describe.each(kinds)("a client written only from DESIGN.md, over real HTTP, on %s", (kind) => {
  let server: Awaited<ReturnType<typeof startHttpApi>>;
  let client: ReturnType<typeof designApi>;

  beforeAll(async () => {
    server = await startHttpApi(kind);
    client = designApi(server.baseUrl);
  });
  afterAll(async () => server?.close());

  async function create(options: { text: string; passphrase?: string; maxViews?: number }) {
    const sealed = designSeal({ text: options.text, passphrase: options.passphrase, scryptN: TEST_SCRYPT_N });
    const response = await client.create({ envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: ONE_HOUR_SECONDS, maxViews: options.maxViews ?? 1 });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return { ...sealed, created: response.body as TDesignCreated };
  }

  it("creates without a passphrase, describes without consuming, reveals once to the exact text, then 404s", async () => {
    const text = "AKIA-EXAMPLE-KEY\nsecond line \"quoted\" \\ tab\t ✓ 🔑";
    const { created, envelope, linkKey } = await create({ text });
    expect(Object.keys(created).sort()).toEqual(["expiresAt", "id", "manageToken", "maxViews"]);
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fromBase64Url(created.id)).toHaveLength(16);
    expect(created.maxViews).toBe(1);
    const expiresInMs = new Date(created.expiresAt).getTime() - server.api.clock.now().getTime();
    expect(expiresInMs).toBe(ONE_HOUR_SECONDS * 1000);

    for (let attempt = 0; attempt < 3; attempt++) {
      const described = await client.describe(created.id);
      expect(described.status).toBe(200);
      expect(described.headers.get("cache-control")).toBe("no-store");
      expect(described.body).toEqual({ id: created.id, expiresAt: created.expiresAt, viewsLeft: 1, kdf: { alg: "none" } } satisfies TDesignDescribed);
    }

    const keys = designRevealKeys({ linkKey, kdf: envelope.kdf });
    const revealed = await client.reveal(created.id, keys.proof);
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get("cache-control")).toBe("no-store");
    const body = revealed.body as TDesignRevealed;
    expect(Object.keys(body).sort()).toEqual(["envelope", "viewsLeft"]);
    expect(body.viewsLeft).toBe(0);
    expect(body.envelope).toEqual(envelope);
    expect(designOpen({ envelope: body.envelope, kEnc: keys.kEnc })).toBe(text);

    expectError(await client.reveal(created.id, keys.proof), 404, "not_found");
    expectError(await client.describe(created.id), 404, "not_found");
  });

  it("with a passphrase (N = 2^15): a wrong one gets 403 and consumes nothing, the right one reveals", async () => {
    const { created, envelope, linkKey } = await create({ text: "db password: example-only", passphrase: "correct horse battery staple" });
    expect(envelope.kdf).toMatchObject({ alg: "scrypt", N: TEST_SCRYPT_N, r: 8, p: 1 });

    const described = await client.describe(created.id);
    expect(described.status).toBe(200);
    expect((described.body as TDesignDescribed).kdf).toEqual(envelope.kdf);

    const wrong = designRevealKeys({ linkKey, kdf: (described.body as TDesignDescribed).kdf, passphrase: "correct horse battery stapler" });
    expectError(await client.reveal(created.id, wrong.proof), 403, "wrong_proof");
    expect(((await client.describe(created.id)).body as TDesignDescribed).viewsLeft).toBe(1);

    const right = designRevealKeys({ linkKey, kdf: (described.body as TDesignDescribed).kdf, passphrase: "correct horse battery staple" });
    const revealed = await client.reveal(created.id, right.proof);
    expect(revealed.status).toBe(200);
    expect(designOpen({ envelope: (revealed.body as TDesignRevealed).envelope, kEnc: right.kEnc })).toBe("db password: example-only");
    expectError(await client.reveal(created.id, right.proof), 404, "not_found");
  });

  it("refuses a proof from the wrong link key with 403 and consumes nothing", async () => {
    const { created, envelope, linkKey } = await create({ text: "link key matters" });
    const otherLinkKey = designSeal({ text: "other" }).linkKey;
    expectError(await client.reveal(created.id, designRevealKeys({ linkKey: otherLinkKey, kdf: envelope.kdf }).proof), 403, "wrong_proof");
    expect(((await client.describe(created.id)).body as TDesignDescribed).viewsLeft).toBe(1);
    const keys = designRevealKeys({ linkKey, kdf: envelope.kdf });
    expect(designOpen({ envelope: ((await client.reveal(created.id, keys.proof)).body as TDesignRevealed).envelope, kEnc: keys.kEnc })).toBe("link key matters");
  });

  it("reveals a 3-view secret exactly 3 times", async () => {
    const { created, envelope, linkKey } = await create({ text: "three views", maxViews: 3 });
    expect(created.maxViews).toBe(3);
    expect(((await client.describe(created.id)).body as TDesignDescribed).viewsLeft).toBe(3);
    const keys = designRevealKeys({ linkKey, kdf: envelope.kdf });

    const viewsLeft: number[] = [];
    for (let view = 0; view < 3; view++) {
      const revealed = await client.reveal(created.id, keys.proof);
      expect(revealed.status).toBe(200);
      const body = revealed.body as TDesignRevealed;
      expect(designOpen({ envelope: body.envelope, kEnc: keys.kEnc })).toBe("three views");
      viewsLeft.push(body.viewsLeft);
      if (body.viewsLeft > 0) expect(((await client.describe(created.id)).body as TDesignDescribed).viewsLeft).toBe(body.viewsLeft);
    }
    expect(viewsLeft).toEqual([2, 1, 0]);

    expectError(await client.reveal(created.id, keys.proof), 404, "not_found");
    expectError(await client.describe(created.id), 404, "not_found");
  });

  it("burns a secret with its manageToken: 204, then 404 everywhere", async () => {
    const { created, envelope, linkKey } = await create({ text: "burn me", maxViews: 5 });

    const burned = await client.burn(created.id, created.manageToken);
    expect(burned.status).toBe(204);
    expect(burned.body).toBeUndefined();
    expect(burned.headers.get("cache-control")).toBe("no-store");

    expectError(await client.describe(created.id), 404, "not_found");
    expectError(await client.reveal(created.id, designRevealKeys({ linkKey, kdf: envelope.kdf }).proof), 404, "not_found");
    expectError(await client.burn(created.id, created.manageToken), 404, "not_found");
  });

  it("does not burn a secret for someone holding another secret's manageToken", async () => {
    const first = await create({ text: "mine" });
    const second = await create({ text: "theirs" });
    expectError(await client.burn(first.created.id, second.created.manageToken), 404, "not_found");
    expect(((await client.describe(first.created.id)).body as TDesignDescribed).viewsLeft).toBe(1);
    expect((await client.burn(first.created.id, first.created.manageToken)).status).toBe(204);
  });

  it("stores and returns the envelope byte for byte: the server never re-encodes it", async () => {
    const { created, envelope, linkKey } = await create({ text: "x".repeat(600), passphrase: "pw", maxViews: 2 });
    const keys = designRevealKeys({ linkKey, kdf: envelope.kdf, passphrase: "pw" });
    const revealed = (await client.reveal(created.id, keys.proof)).body as TDesignRevealed;
    expect(JSON.stringify(revealed.envelope)).toBe(JSON.stringify(envelope));
    expect(fromBase64Url(revealed.envelope.ct)).toHaveLength(16 + 3 * 256);
  });
});

type TVector = {
  name: string;
  input: { linkKey: string; passphrase: string | null; salt: string | null; N: number | null; r: number | null; p: number | null; nonce: string; text: string };
  output: {
    passphraseNfkc: string | null;
    kPw: string;
    header: string;
    kEnc: string;
    kAuth: string;
    proof: string;
    verifier: string;
    payload: string;
    payloadLength: number;
    framedLength: number;
    ctLength: number;
    nonce: string;
    ct: string;
    envelope: TDesignEnvelope;
    linkKey: string;
  };
};

const vectors = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../vectors/envelope-v1.json"), "utf8")) as TVector[];

describe("the DESIGN.md client agrees with lib/crypto and the committed vectors", () => {
  const texts = ["hunter2", "", "line 1\r\nline 2\t\"q\" \\ grüße 秘密 🔑", "y".repeat(252 - '{"type":"text","text":""}'.length), "z".repeat(1000)];

  for (const text of texts) {
    for (const passphrase of [undefined, "Åﬁ passphrase"]) {
      const label = `${JSON.stringify(text.slice(0, 20))}${text.length > 20 ? `... (${text.length} chars)` : ""} ${passphrase ? "with" : "without"} a passphrase`;

      it(`opens its own envelope with lib/crypto: ${label}`, async () => {
        const sealed = designSeal({ text, passphrase, scryptN: TEST_SCRYPT_N });
        const keys = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase });
        expect(verifierForProof(keys.proof)).toBe(sealed.verifier);
        expect(openEnvelope({ envelope: sealed.envelope, encryptionKey: keys.encryptionKey })).toEqual({ type: "text", text });
      });

      it(`opens lib/crypto's envelope: ${label}`, async () => {
        const sealed = await sealSecret({ payload: { type: "text", text }, passphrase, scryptN: TEST_SCRYPT_N });
        const keys = designRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase });
        expect(designOpen({ envelope: sealed.envelope, kEnc: keys.kEnc })).toBe(text);
        const libKeys = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase });
        expect(keys.proof).toBe(libKeys.proof);
        expect(verifierForProof(keys.proof)).toBe(sealed.verifier);
      });
    }
  }

  it("derives keys NFKC-normalised: a decomposed passphrase opens an envelope sealed with the composed one", () => {
    const sealed = designSeal({ text: "nfkc", passphrase: "\u00c5\ufb01", scryptN: TEST_SCRYPT_N });
    expect(designOpen({ envelope: sealed.envelope, kEnc: designRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf, passphrase: "A\u030afi" }).kEnc })).toBe("nfkc");
  });

  it("has all five committed vectors to check", () => {
    expect(vectors.map((vector) => vector.name).sort()).toEqual(["exactly-one-block", "no-passphrase-short", "passphrase-n32768", "two-blocks", "unicode-multiline-nfkc"]);
  });

  for (const vector of vectors) {
    it(`reproduces tests/vectors/envelope-v1.json "${vector.name}" byte for byte`, () => {
      const { input, output } = vector;
      if (input.passphrase !== null) {
        expect(input.r).toBe(8);
        expect(input.p).toBe(1);
      }
      const sealed = designSealWith({
        text: input.text,
        linkKey: fromBase64Url(input.linkKey, 32),
        nonce: fromBase64Url(input.nonce, 24),
        ...(input.passphrase === null ? {} : { passphrase: { value: input.passphrase, salt: fromBase64Url(input.salt ?? "", 16), N: input.N ?? 0 } }),
      });
      expect(sealed.header).toBe(output.header);
      expect(sealed.kPw).toBe(output.kPw);
      expect(sealed.kEnc).toBe(output.kEnc);
      expect(sealed.kAuth).toBe(output.kAuth);
      expect(sealed.kAuth).toBe(output.proof);
      expect(sealed.verifier).toBe(output.verifier);
      expect(sealed.payload).toBe(output.payload);
      expect(Buffer.byteLength(sealed.payload, "utf8")).toBe(output.payloadLength);
      expect(sealed.framedLength).toBe(output.framedLength);
      expect(fromBase64Url(sealed.envelope.ct)).toHaveLength(output.ctLength);
      expect(sealed.envelope).toEqual(output.envelope);
      expect(sealed.linkKey).toBe(output.linkKey);

      const keys = designRevealKeys({ linkKey: output.linkKey, kdf: output.envelope.kdf, passphrase: input.passphrase ?? undefined });
      expect(keys.proof).toBe(output.proof);
      expect(designOpen({ envelope: output.envelope, kEnc: keys.kEnc })).toBe(input.text);
    });
  }
});
