import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLinkKey, handOverStorageKey, keepKeyAcrossSignIn, type TKeyStorage } from "@/lib/reveal-page/link-key";
import { describeLink, revealWithKey, type TRevealPhase } from "@/lib/reveal-page/reveal-flow";
import type { TFetch } from "@/lib/reveal-page/reveal-api";
import { bootScriptCode, takeRevealBoot, BOOT_GLOBAL } from "@/lib/reveal-page/boot";
import { createSecretVia, startTestApi, type TTestApi } from "../../helpers/test-api";

// The page logic against the real API handler on a real SQLite database, with real crypto:
// only the network between browser and server is left out.
let api: TTestApi;
let pageFetch: TFetch;
beforeAll(async () => {
  api = await startTestApi({ kind: "sqlite", env: { MAX_WRONG_PROOFS: "3" } });
  pageFetch = (async (input: RequestInfo | URL, init?: RequestInit) => api.call(String(input), init ?? {})) as TFetch;
});
afterAll(async () => api?.close());

const viewsLeftOf = async (id: string) => {
  const response = await api.call(`/api/v1/secrets/${id}`);
  return response.status === 200 ? ((await response.json()) as { viewsLeft: number }).viewsLeft : null;
};

function memoryStorage(): TKeyStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const ready = async (id: string, key: string) => {
  const outcome = await describeLink({ id, linkKey: { key, hadFragment: true }, fetch: pageFetch });
  if (outcome.kind !== "ready") throw new Error(`not ready: ${JSON.stringify(outcome)}`);
  return outcome.meta;
};

describe("the reveal page's logic", () => {
  it("describes a live link without using a view, then reveals the exact text once", async () => {
    const text = "line one\nline two 🔑 <script>alert(1)</script>";
    const created = await createSecretVia(api, { text, maxViews: 2 });
    const meta = await ready(created.id, created.linkKey);
    expect(meta).toMatchObject({ viewsLeft: 2, kdf: { alg: "none" }, restrictedToTeam: false, expiresAt: created.expiresAt });
    await expect(viewsLeftOf(created.id)).resolves.toBe(2);

    const phases: TRevealPhase[] = [];
    const outcome = await revealWithKey({ id: created.id, linkKey: created.linkKey, meta, passphrase: "", fetch: pageFetch, onPhase: (phase) => phases.push(phase) });
    expect(outcome).toEqual({ kind: "revealed", text, viewsLeft: 1 });
    expect(phases).toEqual(["deriving", "fetching", "decrypting"]);
    await expect(viewsLeftOf(created.id)).resolves.toBe(1);
  });

  it("says gone for a used-up link and for an id that never existed, whatever the key", async () => {
    const created = await createSecretVia(api, { text: "once" });
    const meta = await ready(created.id, created.linkKey);
    await revealWithKey({ id: created.id, linkKey: created.linkKey, meta, passphrase: "", fetch: pageFetch });
    await expect(describeLink({ id: created.id, linkKey: { key: created.linkKey, hadFragment: true }, fetch: pageFetch })).resolves.toEqual({ kind: "problem", problem: "gone" });
    await expect(describeLink({ id: "A".repeat(21) + "w", linkKey: { key: null, hadFragment: false }, fetch: pageFetch })).resolves.toEqual({ kind: "problem", problem: "gone" });
    await expect(revealWithKey({ id: created.id, linkKey: created.linkKey, meta, passphrase: "", fetch: pageFetch })).resolves.toEqual({ kind: "problem", problem: "gone" });
  });

  it("tells a missing key from a mangled one, and a key that does not match, without using a view", async () => {
    const created = await createSecretVia(api, { text: "keyed" });
    await expect(describeLink({ id: created.id, linkKey: { key: null, hadFragment: false }, fetch: pageFetch })).resolves.toEqual({ kind: "problem", problem: "missing-key" });
    await expect(describeLink({ id: created.id, linkKey: { key: null, hadFragment: true }, fetch: pageFetch })).resolves.toEqual({ kind: "problem", problem: "invalid-key" });
    const other = await createSecretVia(api, { text: "other" });
    const meta = await ready(created.id, other.linkKey);
    await expect(revealWithKey({ id: created.id, linkKey: other.linkKey, meta, passphrase: "", fetch: pageFetch })).resolves.toEqual({ kind: "problem", problem: "wrong-key" });
    await expect(viewsLeftOf(created.id)).resolves.toBe(1);
  });

  it("asks for a missing passphrase, counts wrong ones down without using a view, reveals with the right one", async () => {
    const created = await createSecretVia(api, { text: "behind a passphrase", passphrase: "correct horse" });
    const meta = await ready(created.id, created.linkKey);
    expect(meta.kdf.alg).toBe("scrypt");
    const attempt = (passphrase: string) => revealWithKey({ id: created.id, linkKey: created.linkKey, meta, passphrase, fetch: pageFetch });

    await expect(attempt("")).resolves.toEqual({ kind: "passphrase-error", message: "Enter the passphrase the sender gave you.", select: false });
    await expect(attempt("wrong horse")).resolves.toEqual({
      kind: "passphrase-error",
      select: true,
      message: "Wrong passphrase. 2 attempts left before the secret is destroyed. No view was used.",
    });
    await expect(viewsLeftOf(created.id)).resolves.toBe(1);
    await expect(attempt("correct horse")).resolves.toEqual({ kind: "revealed", text: "behind a passphrase", viewsLeft: 0 });
  });

  it("warns at the last attempt and says gone once the wrong passphrases burned the secret", async () => {
    const created = await createSecretVia(api, { text: "burn me", passphrase: "right" });
    const meta = await ready(created.id, created.linkKey);
    const attempt = () => revealWithKey({ id: created.id, linkKey: created.linkKey, meta, passphrase: "wrong", fetch: pageFetch });
    await attempt();
    await expect(attempt()).resolves.toMatchObject({ kind: "passphrase-error", message: expect.stringContaining("1 attempt left before") });
    await expect(attempt()).resolves.toEqual({ kind: "problem", problem: "gone" });
    await expect(viewsLeftOf(created.id)).resolves.toBeNull();
  });

  it("reports an unreachable server as something to retry, not as a gone link", async () => {
    const offline = (async () => {
      throw new TypeError("fetch failed");
    }) as TFetch;
    const created = await createSecretVia(api, { text: "still here" });
    const described = await describeLink({ id: created.id, linkKey: { key: created.linkKey, hadFragment: true }, fetch: offline });
    expect(described).toEqual({ kind: "unavailable", message: "Could not reach the Hushlink server. Check your connection and try again." });
    const meta = await ready(created.id, created.linkKey);
    await expect(revealWithKey({ id: created.id, linkKey: created.linkKey, meta, passphrase: "", fetch: offline })).resolves.toEqual({
      kind: "reveal-error",
      message: "Could not reach the Hushlink server. Check your connection and try again.",
    });
    await expect(viewsLeftOf(created.id)).resolves.toBe(1);
  });

  it("uses a describe request started early (by the inline code in <head>) instead of asking again", async () => {
    const created = await createSecretVia(api, { text: "early" });
    let calls = 0;
    const counting = (async (input: RequestInfo | URL, init?: RequestInit) => (calls++, pageFetch(input, init))) as TFetch;
    const pending = pageFetch(`/api/v1/secrets/${created.id}`);
    const outcome = await describeLink({ id: created.id, linkKey: { key: created.linkKey, hadFragment: true }, fetch: counting, pending });
    expect(outcome.kind).toBe("ready");
    expect(calls).toBe(0);
  });
});

describe("reading the link key", () => {
  const key = "B".repeat(42) + "w";
  const id = "A".repeat(21) + "w";

  it("takes a canonical 32-byte key from the fragment and refuses a cut or padded one", () => {
    expect(readLinkKey({ id, hash: `#${key}`, storage: null })).toEqual({ key, hadFragment: true });
    expect(readLinkKey({ id, hash: `#${key.slice(0, 30)}`, storage: null })).toEqual({ key: null, hadFragment: true });
    expect(readLinkKey({ id, hash: `#${key}=`, storage: null })).toEqual({ key: null, hadFragment: true });
    expect(readLinkKey({ id, hash: "", storage: null })).toEqual({ key: null, hadFragment: false });
  });

  it("hands the key across a sign-in through this tab's storage, once, and only for the same link", () => {
    const storage = memoryStorage();
    keepKeyAcrossSignIn({ storage, id, key });
    expect(storage.items.get(handOverStorageKey(id))).toBe(key);
    expect(readLinkKey({ id: "C".repeat(21) + "w", hash: "", storage })).toEqual({ key: null, hadFragment: false });
    expect(readLinkKey({ id, hash: "", storage })).toEqual({ key, hadFragment: true });
    expect(storage.items.size).toBe(0);
    expect(readLinkKey({ id, hash: "", storage })).toEqual({ key: null, hadFragment: false });
  });

  it("prefers a fresh fragment over a stored key, and survives storage that throws", () => {
    const storage = memoryStorage();
    keepKeyAcrossSignIn({ storage, id, key: "D".repeat(42) + "w" });
    expect(readLinkKey({ id, hash: `#${key}`, storage }).key).toBe(key);
    const broken: TKeyStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(() => keepKeyAcrossSignIn({ storage: broken, id, key })).not.toThrow();
    expect(readLinkKey({ id, hash: "", storage: broken })).toEqual({ key: null, hadFragment: false });
  });
});

describe("the inline boot code", () => {
  const id = "A".repeat(21) + "w";
  function fakeWindow() {
    const replaced: string[] = [];
    const requested: Array<[string, RequestInit]> = [];
    const listeners = new Set<(event: unknown) => void>();
    const target: Record<string, unknown> = {
      location: { hash: "#the-key", pathname: `/s/${id}` },
      history: { replaceState: (_state: unknown, _title: string, url: string) => replaced.push(url) },
      fetch: (url: string, init: RequestInit) => (requested.push([url, init]), Promise.reject(new TypeError("offline"))),
      document: {
        addEventListener: (type: string, listener: (event: unknown) => void) => type === "submit" && listeners.add(listener),
        removeEventListener: (type: string, listener: (event: unknown) => void) => type === "submit" && listeners.delete(listener),
      },
    };
    /** Submits a form with the given data-form attribute; true when the default (a real POST) was prevented. */
    const submit = (form: string) => {
      let prevented = false;
      const event = { target: { getAttribute: (name: string) => (name === "data-form" ? form : null) }, preventDefault: () => (prevented = true) };
      listeners.forEach((listener) => listener(event));
      return prevented;
    };
    return { target, replaced, requested, listeners, submit };
  }

  it("strips the fragment, starts the describe request and leaves both for the page script, once", async () => {
    const page = fakeWindow();
    new Function("window", bootScriptCode(id))(page.target);
    expect(page.replaced).toEqual([`/s/${id}`]);
    expect(page.requested).toEqual([[`/api/v1/secrets/${id}`, { method: "GET", headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" }]]);
    const boot = takeRevealBoot(page.target);
    expect(boot?.hash).toBe("#the-key");
    expect(boot?.submitted).toBe(false);
    await expect(boot?.describe).rejects.toThrow("offline");
    expect(BOOT_GLOBAL in page.target).toBe(false);
    expect(takeRevealBoot(page.target)).toBeUndefined();
  });

  it("holds a press of Reveal until the page script takes over, and then lets go", () => {
    const page = fakeWindow();
    new Function("window", bootScriptCode(id))(page.target);
    expect(page.submit("something-else")).toBe(false);
    expect(page.submit("reveal")).toBe(true);
    const boot = takeRevealBoot(page.target);
    expect(boot?.submitted).toBe(true);
    expect(page.listeners.size).toBe(0);
  });
});
