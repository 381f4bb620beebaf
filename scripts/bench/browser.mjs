import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ROOT } from "./servers.mjs";
import { sealForBench } from "./real-envelope.mjs";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]) : null;
};

async function createRealSecret(baseUrl, options) {
  const sealed = sealForBench(options);
  const response = await fetch(`${baseUrl}/api/v1/secrets`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(sealed.body) });
  const { id } = await response.json();
  return `${baseUrl}/s/${id}#${sealed.linkKey}`;
}

/** Bytes of JavaScript a first visit downloads, raw and gzipped. */
async function firstLoadJs(context, url) {
  const page = await context.newPage();
  const scripts = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const bodies = await Promise.all(scripts);
  await page.close();
  return { files: bodies.length, bytes: bodies.reduce((sum, body) => sum + body.length, 0), gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0) };
}

async function openToRevealedMs(context, link, passphrase) {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(link);
  if (passphrase) await page.getByLabel("Passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Reveal secret" }).click();
  await page.getByTestId("revealed-secret").waitFor({ state: "visible" });
  const elapsed = performance.now() - started;
  await page.close();
  return elapsed;
}

/** Encrypt/decrypt timings of tweetnacl's secretbox inside the browser, on a blank page. */
async function cryptoInPage(context) {
  const page = await context.newPage();
  await page.setContent("<!doctype html><title>bench</title>");
  await page.addScriptTag({ content: readFileSync(path.join(ROOT, "node_modules/tweetnacl/nacl-fast.min.js"), "utf8") });
  const result = await page.evaluate(() => {
    const out = {};
    for (const [name, size] of [["64KiB", 65_536], ["1MiB", 1_048_576]]) {
      const data = new Uint8Array(size);
      for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(data.subarray(offset, Math.min(size, offset + 65_536)));
      const key = nacl.randomBytes(32);
      const nonce = nacl.randomBytes(24);
      let t = performance.now();
      const box = nacl.secretbox(data, nonce, key);
      const encryptMs = performance.now() - t;
      t = performance.now();
      nacl.secretbox.open(box, nonce, key);
      out[name] = { encryptMs: Math.round(encryptMs * 10) / 10, decryptMs: Math.round((performance.now() - t) * 10) / 10 };
    }
    return out;
  });
  await page.close();
  return result;
}

export async function measureBrowser({ baseUrl, runs }) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "hushlink-bench-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: "/usr/bin/chromium", headless: true, args: ARGS });
  try {
    const sample = await createRealSecret(baseUrl, { text: "bench" });
    const createPageJs = await firstLoadJs(context, `${baseUrl}/`);
    const revealPageJs = await firstLoadJs(context, sample);
    const plain = [];
    for (let run = 0; run < runs; run++) plain.push(await openToRevealedMs(context, await createRealSecret(baseUrl, { text: `bench ${run}` })));
    const withPassphrase = [];
    for (let run = 0; run < Math.max(1, Math.floor(runs / 4)); run++) {
      withPassphrase.push(await openToRevealedMs(context, await createRealSecret(baseUrl, { text: "bench pw", passphrase: "correct horse" }), "correct horse"));
    }
    return {
      firstLoadJs: { create: createPageJs, reveal: revealPageJs },
      openToRevealedMedianMs: median(plain),
      openToRevealedWithPassphraseMedianMs: median(withPassphrase),
      scryptCostMs: median(withPassphrase) - median(plain),
      secretboxInPage: await cryptoInPage(context),
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
