// The Markdown report: machine facts, targets, throughput per engine, browser, growth, purge.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const ENGINE_NAMES = { sqlite: "SQLite", postgresql: "PostgreSQL" };

/** @param {unknown} value @param {string} [unit] */
const show = (value, unit = "") => (value === null || value === undefined || Number.isNaN(value) ? "n/a" : `${value}${unit}`);
/** @param {boolean | null} met */
const verdict = (met) => (met === null ? "not measured" : met ? "met" : "**not met**");
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function machineSection(results) {
  const m = results.machine;
  const s = results.settings;
  return [
    `${m.date} · ${m.cores} cores (${m.cpu}) · ${m.memoryGb} GB · ${m.kernel} · Node ${m.node} · SQLite ${m.sqlite} · PostgreSQL ${show(m.postgresql)}` +
      `${results.browser ? ` · Chromium ${results.browser.chromium}` : ""} · Next.js ${m.next} · Prisma ${m.prisma} · commit ${show(m.commit)}`,
    "",
    `autocannon ${m.autocannon} in its own process on loopback, ${s.connections} connections, ${s.durationSeconds} s per scenario after a ${s.warmupSeconds} s warm-up; ` +
      `latencies of 2xx answers only; req/s counts 2xx answers only. Total run ${show(results.elapsedSeconds)} s.`,
    "",
  ];
}

function targetsSection(results) {
  const lines = ["## Targets", "", "| target | measured | result |", "|---|---|---|"];
  for (const target of results.targets) lines.push(`| ${target.name} | ${target.measured} | ${verdict(target.met)} |`);
  return [...lines, ""];
}

function engineSection(engine, data) {
  const lines = [
    `## Throughput: ${ENGINE_NAMES[engine]} ${data.version ?? ""}`,
    "",
    "| server | scenario | req/s | % of floor | p50 ms | p90 ms | p99 ms | p99.9 ms | errors | non-2xx | peak RSS MB |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [kind, server] of Object.entries(data.servers)) {
    Object.entries(server.scenarios).forEach(([scenario, figures], index) => {
      const floor = data.servers.floor?.scenarios[scenario]?.requestsPerSecond;
      const share = kind !== "floor" && floor ? `${Math.round((100 * figures.requestsPerSecond) / floor)}%` : "";
      const cut = figures.ranOutOfSecrets ? ` (${figures.seconds} s)` : "";
      lines.push(
        `| ${kind} | ${scenario} | ${figures.requestsPerSecond}${cut} | ${share} | ${show(figures.p50Ms)} | ${show(figures.p90Ms)} | ${show(figures.p99Ms)} | ${show(figures.p999Ms)} | ${figures.errors} | ${figures.non2xx} | ${index === 0 ? show(server.peakRssMb) : ""} |`,
      );
    });
  }
  return [...lines, ""];
}

function browserSection(browser) {
  const { create, reveal } = browser.firstLoadJs;
  const { cold, warm, afterReading, withPassphrase, floor } = browser.openToRevealed;
  const lines = [
    `## Browser (Chromium ${browser.chromium})`,
    "",
    "| measure | value |",
    "|---|---:|",
    `| first-load JS \`/\` | ${kB(create.gzipBytes)} gzipped, ${kB(create.bytes)} raw, ${create.files} files |`,
    `| first-load JS \`/s/[id]\` | ${kB(reveal.gzipBytes)} gzipped, ${kB(reveal.bytes)} raw, ${reveal.files} files |`,
    `| open link → secret shown, pressed the moment the page is ready, median of ${cold.runs}, fresh context | ${show(cold.medianMs, " ms")} (ready after ${show(cold.readyMedianMs, " ms")}, press → shown ${show(cold.pressToShownMedianMs, " ms")}; Playwright's wall clock ${show(cold.wallMedianMs, " ms")}) |`,
    `| … same, browser cache warm, median of ${warm.runs} | ${show(warm.medianMs, " ms")} (ready after ${show(warm.readyMedianMs, " ms")}) |`,
    `| … floor: the least page doing the same (inline script, GET, button, POST, textarea; no crypto, no CSS), median of ${floor.runs} | ${show(floor.medianMs, " ms")} (ready after ${show(floor.readyMedianMs, " ms")}, press → shown ${show(floor.pressToShownMedianMs, " ms")}) |`,
    `| press → shown for a recipient who reads the page for ${browser.readingMs} ms first, median of ${afterReading.runs} | ${show(afterReading.pressToShownMedianMs, " ms")} |`,
    `| … with a passphrase (scrypt N=2^17, r=8, p=1), median of ${withPassphrase.runs} | ${show(withPassphrase.medianMs, " ms")} (+${show(browser.passphraseCostMs, " ms")}; press → shown ${show(withPassphrase.pressToShownMedianMs, " ms")}) |`,
    `| largest scripts on \`/s/[id]\` (gzipped) | ${reveal.scripts.slice(0, 4).map((script) => `${script.file.split("/").pop()} ${kB(script.gzipBytes)}`).join(", ")} |`,
    `| scrypt N=2^17 alone in the page (Hushlink's derivePassphraseKey), median of ${browser.inPage.scrypt.runs} | ${browser.inPage.scrypt.medianMs} ms |`,
  ];
  for (const [size, figures] of Object.entries(browser.inPage.secretbox)) {
    const app = browser.inPage.hushlink[size];
    lines.push(`| ${size}: secretbox encrypt / decrypt · Hushlink sealSecret / derive+openEnvelope | ${figures.encryptMs} / ${figures.decryptMs} ms · ${app.sealMs} / ${app.openMs} ms |`);
  }
  return [...lines, ""];
}

function growthSection(growth) {
  const lines = [
    "## Growth (lean server)",
    "",
    "| engine | rows at start → end | create p50 / p99 ms (p50 per round) | reveal p50 / p99 ms (p50 per round) | one idle purge pass | purge plan |",
    "|---|---:|---:|---:|---:|---|",
  ];
  const notes = [];
  for (const [engine, data] of Object.entries(growth)) {
    if (data.skipped) notes.push(`${ENGINE_NAMES[engine]}: ${data.skipped}`);
    for (const point of data.sizes ?? []) {
      lines.push(
        `| ${ENGINE_NAMES[engine]} | ${point.rowsAtStart} → ${point.rowsAtEnd} | ${show(point.create.p50Ms)} / ${show(point.create.p99Ms)} (${point.rounds.createP50Ms.join(", ")}) | ${show(point.reveal.p50Ms)} / ${show(point.reveal.p99Ms)} (${point.rounds.revealP50Ms.join(", ")}) | ${point.idlePurgeMs} ms | ${point.purgePlan} |`,
      );
    }
  }
  lines.push("", "| engine | purge | rows in table | purge took | reveal p50 / p99 / p99.9 / max without purge | … during purge |", "|---|---|---:|---:|---:|---:|");
  for (const [engine, data] of Object.entries(growth)) {
    const purge = data.purge;
    if (!purge) continue;
    const figures = (f) => `${show(f.p50Ms)} / ${show(f.p99Ms)} / ${show(f.p999Ms)} / ${show(f.maxMs)} ms`;
    lines.push(
      `| ${ENGINE_NAMES[engine]} | ${purge.expiredRows} expired rows | ${purge.rowsInTable} | ${show(purge.seconds, " s")} after expiry (active ${show(purge.activeSeconds, " s")}) | ${figures(purge.revealBaseline)} | ${figures(purge.revealDuringPurge)} |`,
    );
  }
  return [...lines, "", ...notes.map((note) => `- ${note}`), ...(notes.length ? [""] : [])];
}

/**
 * @param {any} results
 * @returns {string}
 */
export function toMarkdown(results) {
  const lines = [`# Hushlink benchmark${results.smoke ? " (smoke run: tiny sizes, 1 s scenarios; not for comparison)" : ""}`, ""];
  lines.push(...machineSection(results), ...targetsSection(results));
  for (const [engine, data] of Object.entries(results.databases)) lines.push(...engineSection(engine, data));
  if (results.browser) lines.push(...browserSection(results.browser));
  if (results.growth) lines.push(...growthSection(results.growth));
  if (results.notes?.length) lines.push("## Notes", "", ...results.notes.map((note) => `- ${note}`), "");
  return `${lines.join("\n")}\n`;
}

/**
 * Writes `<stamp>.json`, `<stamp>.md`, `latest.json` and `latest.md` to `directory`.
 * @param {{ results: any, markdown: string, directory: string }} options
 */
export function writeReport({ results, markdown, directory }) {
  mkdirSync(directory, { recursive: true });
  const stamp = `bench-${results.machine.date.replace(/[:.]/g, "-")}${results.smoke ? "-smoke" : ""}`;
  const json = `${JSON.stringify(results, null, 2)}\n`;
  for (const name of [stamp, "latest"]) {
    writeFileSync(path.join(directory, `${name}.json`), json);
    writeFileSync(path.join(directory, `${name}.md`), markdown);
  }
  return { json: path.join(directory, `${stamp}.json`), markdown: path.join(directory, `${stamp}.md`) };
}
