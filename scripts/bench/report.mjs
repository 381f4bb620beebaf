import { cpus } from "node:os";

export function machineFacts() {
  return { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version, platform: `${process.platform} ${process.arch}`, date: new Date().toISOString() };
}

const fmt = (value, unit = "") => (value === null || value === undefined || Number.isNaN(value) ? "n/a" : `${value}${unit}`);
const metOrNot = (met) => (met === null ? "n/a" : met ? "met" : "**not met**");

/** The Markdown report: machine facts, throughput tables, browser, growth, targets. */
export function toMarkdown(results) {
  const lines = [];
  const m = results.machine;
  lines.push(`# Hushlink benchmark${results.smoke ? " (smoke)" : ""}`, "");
  lines.push(`${m.date} · ${m.cores} cores (${m.cpu}) · Node ${m.node} · ${m.platform} · ${results.connections} connections, ${results.durationSeconds} s per scenario`, "");
  for (const [provider, db] of Object.entries(results.databases)) {
    lines.push(`## ${db.version}`, "", "| server | scenario | req/s | p50 ms | p90 ms | p99 ms | errors | non-2xx | % of floor | peak RSS MB |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const [server, run] of Object.entries(db.servers)) {
      for (const [scenario, figures] of Object.entries(run.scenarios)) {
        const floor = db.servers.floor?.scenarios[scenario]?.requestsPerSecond;
        const ratio = floor && server !== "floor" ? `${Math.round((100 * figures.requestsPerSecond) / floor)}%` : "";
        lines.push(`| ${server} | ${scenario} | ${figures.requestsPerSecond} | ${figures.p50Ms} | ${figures.p90Ms} | ${figures.p99Ms} | ${figures.errors} | ${figures.non2xx} | ${ratio} | ${fmt(run.peakRssMb)} |`);
      }
    }
    lines.push("", `(${provider})`, "");
  }
  if (results.browser) {
    const b = results.browser;
    lines.push("## Browser (Chromium)", "", "| measure | value |", "|---|---:|");
    lines.push(`| first-load JS \`/\` (gzip) | ${b.firstLoadJs.create.gzipBytes} B in ${b.firstLoadJs.create.files} files (${b.firstLoadJs.create.bytes} B raw) |`);
    lines.push(`| first-load JS \`/s/[id]\` (gzip) | ${b.firstLoadJs.reveal.gzipBytes} B in ${b.firstLoadJs.reveal.files} files (${b.firstLoadJs.reveal.bytes} B raw) |`);
    lines.push(`| open link → secret shown, median | ${b.openToRevealedMedianMs} ms |`);
    lines.push(`| … with a passphrase (scrypt N=2^17), median | ${b.openToRevealedWithPassphraseMedianMs} ms (scrypt ≈ ${b.scryptCostMs} ms) |`);
    for (const [size, t] of Object.entries(b.secretboxInPage)) lines.push(`| secretbox ${size} encrypt / decrypt | ${t.encryptMs} / ${t.decryptMs} ms |`);
    lines.push("");
  }
  if (results.growth) {
    const g = results.growth;
    lines.push("## Growth (SQLite, lean server)", "", "| rows | create p50 / p99 ms | reveal p50 / p99 ms |", "|---:|---:|---:|");
    for (const row of g.sizes) lines.push(`| ${row.rows} | ${row.create.p50Ms} / ${row.create.p99Ms} | ${row.reveal.p50Ms} / ${row.reveal.p99Ms} |`);
    lines.push("", `Purge of ${g.purge.expiredRows} expired rows: ${fmt(g.purge.seconds, " s")}; concurrent reveal p99 ${g.purge.revealDuringPurge.p99Ms} ms (without purge ${g.purge.revealBaseline.p99Ms} ms).`, "");
  }
  lines.push("## Targets", "", "| target | result |", "|---|---|");
  for (const target of results.targets) lines.push(`| ${target.name} | ${metOrNot(target.met)} (${target.detail}) |`);
  return `${lines.join("\n")}\n`;
}

/** Each target of the issue, judged from the figures. */
export function judgeTargets(results) {
  const targets = [];
  for (const [provider, db] of Object.entries(results.databases)) {
    for (const scenario of ["create", "reveal"]) {
      const floor = db.servers.floor?.scenarios[scenario]?.requestsPerSecond;
      const lean = db.servers.lean?.scenarios[scenario]?.requestsPerSecond;
      const ratio = floor && lean ? lean / floor : null;
      targets.push({ name: `${scenario} ≥ 50% of floor on ${provider}`, met: ratio === null ? null : ratio >= 0.5, detail: ratio === null ? "n/a" : `${Math.round(ratio * 100)}%` });
    }
  }
  const sqliteLean = results.databases.sqlite?.servers.lean;
  for (const scenario of ["create", "reveal"]) {
    const p99 = sqliteLean?.scenarios[scenario]?.p99Ms;
    targets.push({ name: `${scenario} p99 < 25 ms at ${results.connections} connections (SQLite)`, met: p99 === undefined ? null : p99 < 25, detail: `${p99} ms` });
  }
  const rss = Object.values(results.databases).flatMap((db) => Object.entries(db.servers).filter(([name]) => name !== "floor").map(([, run]) => run.peakRssMb ?? 0));
  targets.push({ name: "peak server RSS < 300 MB", met: rss.length ? Math.max(...rss) < 300 : null, detail: `${Math.max(0, ...rss)} MB` });
  if (results.browser) {
    const gz = results.browser.firstLoadJs.reveal.gzipBytes;
    targets.push({ name: "/s/[id] first-load JS < 120 KB gzip", met: gz < 120 * 1024, detail: `${Math.round(gz / 1024)} KB` });
    targets.push({ name: "open-to-revealed < 300 ms", met: results.browser.openToRevealedMedianMs < 300, detail: `${results.browser.openToRevealedMedianMs} ms` });
  }
  if (results.growth) {
    const [small, large] = results.growth.sizes;
    const within = (a, b) => b <= a * 1.2 || b - a <= 0.5;
    targets.push({
      name: `create/reveal p50 at ${large.rows} rows within 20% of ${small.rows}`,
      met: within(small.create.p50Ms, large.create.p50Ms) && within(small.reveal.p50Ms, large.reveal.p50Ms),
      detail: `create ${small.create.p50Ms}→${large.create.p50Ms} ms, reveal ${small.reveal.p50Ms}→${large.reveal.p50Ms} ms`,
    });
    targets.push({ name: "purge keeps concurrent reveal p99 < 100 ms", met: results.growth.purge.revealDuringPurge.p99Ms < 100, detail: `${results.growth.purge.revealDuringPurge.p99Ms} ms` });
  }
  return targets;
}
