// The browser side, in Debian's Chromium through playwright-core: first-load JavaScript of
// the two public pages, time from opening a link to the secret on screen, and the crypto
// the page does (secretbox, Hushlink's seal/open, scrypt).
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { sealRealSecret } from "./envelope.mjs";
import { startFloorPage } from "./floor-page.mjs";
import { hushlinkCryptoSource, pageBenchmarks, tweetnaclSource } from "./page-crypto.mjs";
import { deferCleanup } from "./processes.mjs";

export const CHROMIUM_PATH = "/usr/bin/chromium";
// Playwright gives the browser a fresh temporary profile (and refuses --user-data-dir on
// launch()); each measurement below also gets its own context: empty cache, no storage.
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const PAGE_TIMEOUT_MS = 20_000;
const PASSPHRASE = "correct horse battery staple";
const READING_MS = 1_000;
const BROWSER_WARMUP_RUNS = 3;

/** @param {number[]} values */
const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]) : null;
};

/** Stores a real secret through the API and returns its share link. */
async function createLink(baseUrl, options) {
  const sealed = sealRealSecret(options);
  const response = await fetch(`${baseUrl}/api/v1/secrets`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(sealed.body) });
  if (response.status !== 201) throw new Error(`create answered ${response.status}`);
  const { id } = await response.json();
  return `${baseUrl}/s/${id}#${sealed.linkKey}`;
}

/**
 * JavaScript a first visit downloads (fresh context, empty cache): every script response
 * until the network is idle, raw and gzipped (each body with zlib, as a server would send it).
 */
async function firstLoadJs(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const responses = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      const file = new URL(response.url()).pathname;
      responses.push(response.body().then((body) => ({ file, body }), () => ({ file, body: Buffer.alloc(0) })));
    });
    await page.goto(url, { waitUntil: "networkidle", timeout: PAGE_TIMEOUT_MS });
    const scripts = (await Promise.all(responses)).map(({ file, body }) => ({ file, bytes: body.length, gzipBytes: gzipSync(body).length }));
    scripts.sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      files: scripts.length,
      bytes: scripts.reduce((sum, script) => sum + script.bytes, 0),
      gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
      scripts,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before its own scripts: a recipient who presses Reveal the moment the
 * page says it is ready (its `hushlink:ready` mark: link described, form live), typing the
 * passphrase first when there is one. The press is an in-page click, so no robot round trip
 * sits between "ready" and "pressed"; "shown" is the frame after the secret went in.
 * Reports through the console, which Playwright hears without injecting scripts into the
 * page (its selector engine costs the page's main thread tens of ms on this machine).
 * @param {{ passphrase: string, readingMs: number }} recipient "" for no passphrase; how long
 *   the recipient reads the page before pressing (0: at once)
 */
function pressRevealWhenReady({ passphrase, readingMs }) {
  /** @type {Record<string, number>} */
  const marks = {};
  /** @type {any} */ (window).__benchMarks = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === "hushlink:ready" && marks.ready === undefined) {
        marks.ready = entry.startTime;
        const press = () => {
          const input = /** @type {HTMLInputElement | null} */ (document.querySelector("#reveal-passphrase"));
          if (passphrase && input) input.value = passphrase;
          marks.pressed = performance.now();
          /** @type {HTMLButtonElement | null} */ (document.querySelector("form[data-form=reveal] button[type=submit]"))?.click();
        };
        if (readingMs > 0) setTimeout(press, readingMs);
        else press();
      }
      if (entry.name === "hushlink:revealed" && marks.revealed === undefined) {
        marks.revealed = entry.startTime;
        requestAnimationFrame(() =>
          setTimeout(() => {
            marks.shown = performance.now();
            console.log("bench:shown");
          }),
        );
      }
    }
  }).observe({ type: "mark" });
}

/**
 * Opens a link in a new page of `context` and waits until the secret is shown. `shownMs`:
 * navigation start to the frame with the secret, measured in the page. `wallMs`: page.goto
 * to Playwright hearing of it, robot round trips included.
 */
async function openAndReveal(context, link) {
  const page = await context.newPage();
  try {
    const shown = page.waitForEvent("console", { predicate: (message) => message.text() === "bench:shown", timeout: PAGE_TIMEOUT_MS });
    const started = performance.now();
    await page.goto(link, { waitUntil: "commit", timeout: PAGE_TIMEOUT_MS });
    await shown;
    const wallMs = performance.now() - started;
    const marks = await page.evaluate(() => /** @type {any} */ (window).__benchMarks);
    const text = await page.getByTestId("revealed-secret").inputValue();
    if (!text.startsWith("bench secret") && text !== "warm-up") throw new Error(`the page showed something else than the secret: ${text.slice(0, 40)}`);
    return { wallMs, shownMs: marks.shown, readyMs: marks.ready, pressToShownMs: marks.shown - marks.pressed };
  } finally {
    await page.close();
  }
}

/**
 * Runs `runs` reveals, each in a fresh context (a recipient opening a link for the first
 * time), or all in one context whose cache a first visit warmed (`warm`).
 * @param {import("playwright-core").Browser} browser
 * `nextLink` replaces Hushlink's links (the floor page).
 * @param {{ baseUrl: string, runs: number, passphrase?: string, warm: boolean, readingMs?: number, nextLink?: (text: string) => Promise<string> }} options
 */
async function revealRuns(browser, { baseUrl, runs, passphrase, warm, readingMs = 0, nextLink = (text) => createLink(baseUrl, { text, ...(passphrase ? { passphrase } : {}) }) }) {
  const results = [];
  const newContext = async () => {
    const context = await browser.newContext();
    await context.addInitScript(pressRevealWhenReady, { passphrase: passphrase ?? "", readingMs });
    return context;
  };
  const sharedContext = warm ? await newContext() : null;
  try {
    // One visit first so scripts come from the cache afterwards.
    if (sharedContext) await openAndReveal(sharedContext, await nextLink("warm-up"));
    for (let run = 0; run < runs; run++) {
      const link = await nextLink(`bench secret ${run}`);
      const context = sharedContext ?? (await newContext());
      try {
        results.push(await openAndReveal(context, link));
      } finally {
        if (!sharedContext) await context.close();
      }
    }
  } finally {
    await sharedContext?.close();
  }
  return {
    runs: results.length,
    medianMs: median(results.map((result) => result.shownMs)),
    wallMedianMs: median(results.map((result) => result.wallMs)),
    readyMedianMs: median(results.map((result) => result.readyMs)),
    pressToShownMedianMs: median(results.map((result) => result.pressToShownMs)),
  };
}

/** Crypto timings on a blank page (no CSP to work around). */
async function cryptoInPage(browser, { smoke }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent("<!doctype html><title>bench</title>");
    await page.addScriptTag({ content: tweetnaclSource() });
    await page.addScriptTag({ content: await hushlinkCryptoSource() });
    return await page.evaluate(pageBenchmarks, {
      sizes: [["64KiB", 65_536], ["1MiB", 1_048_576]],
      repeats: smoke ? 2 : 5,
      scryptRepeats: smoke ? 1 : 3,
    });
  } finally {
    await context.close();
  }
}

/**
 * Every browser measurement against a running Hushlink.
 * @param {{ baseUrl: string, runs: number, passphraseRuns: number, smoke: boolean, log: (line: string) => void }} options
 */
export async function measureBrowser({ baseUrl, runs, passphraseRuns, smoke, log }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const closeBrowser = deferCleanup(() => browser.close());
  try {
    const sampleLink = await createLink(baseUrl, { text: "first-load sample" });
    const firstLoad = { create: await firstLoadJs(browser, `${baseUrl}/`), reveal: await firstLoadJs(browser, sampleLink) };
    log(`  first-load JS: / ${firstLoad.create.gzipBytes} B gzip, /s/[id] ${firstLoad.reveal.gzipBytes} B gzip`);
    // Untimed first: a recipient's browser is already running when they click a link, its
    // own caches (fonts, the renderer's code) warm; every timed run still gets a fresh context.
    await revealRuns(browser, { baseUrl, runs: BROWSER_WARMUP_RUNS, warm: false });
    const cold = await revealRuns(browser, { baseUrl, runs, warm: false });
    const warm = await revealRuns(browser, { baseUrl, runs: Math.max(1, Math.ceil(runs / 2)), warm: true });
    log(`  open-to-revealed median: ${cold.medianMs} ms (ready ${cold.readyMedianMs} ms, press → shown ${cold.pressToShownMedianMs} ms; robot wall ${cold.wallMedianMs} ms), warm cache ${warm.medianMs} ms`);
    const floorPage = await startFloorPage();
    const floor = await revealRuns(browser, { baseUrl, runs: Math.max(1, Math.ceil(runs / 2)), warm: false, nextLink: async () => floorPage.link }).finally(() => floorPage.close());
    log(`  floor page (Chromium's own time for the same two requests): ${floor.medianMs} ms`);
    // A recipient who reads the page for a second first: what they wait for after pressing.
    const afterReading = await revealRuns(browser, { baseUrl, runs: Math.max(1, Math.ceil(runs / 2)), warm: false, readingMs: READING_MS });
    log(`  press → shown after reading the page for ${READING_MS} ms: ${afterReading.pressToShownMedianMs} ms`);
    const withPassphrase = await revealRuns(browser, { baseUrl, runs: passphraseRuns, passphrase: PASSPHRASE, warm: false });
    const inPage = await cryptoInPage(browser, { smoke });
    log(`  with passphrase ${withPassphrase.medianMs} ms; scrypt in page ${inPage.scrypt.medianMs} ms`);
    return {
      chromium: browser.version(),
      firstLoadJs: firstLoad,
      openToRevealedMedianMs: cold.medianMs,
      openToRevealed: { cold, warm, afterReading, withPassphrase, floor },
      readingMs: READING_MS,
      passphraseCostMs: withPassphrase.medianMs !== null && cold.medianMs !== null ? withPassphrase.medianMs - cold.medianMs : null,
      inPage,
    };
  } finally {
    await closeBrowser();
  }
}
