// Facts about the machine and software a result was measured on.
import { readFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import path from "node:path";
import { ROOT, postgresVersion, sqliteVersion } from "./databases.mjs";

/** @param {string} name */
function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

function gitCommit() {
  try {
    const head = readFileSync(path.join(ROOT, ".git/HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head.slice(0, 12);
    return readFileSync(path.join(ROOT, ".git", head.slice(5)), "utf8").trim().slice(0, 12);
  } catch {
    return null;
  }
}

/** Cores, CPU model, memory, kernel, Node and database versions, date. */
export async function machineFacts() {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    cores: cpuList.length,
    cpu: cpuList[0]?.model?.trim() ?? "unknown",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    kernel: `${process.platform} ${release()} ${process.arch}`,
    node: process.version,
    sqlite: sqliteVersion(),
    postgresql: await postgresVersion(),
    next: packageVersion("next"),
    prisma: packageVersion("@prisma/client"),
    betterSqlite3: packageVersion("better-sqlite3"),
    pg: packageVersion("pg"),
    autocannon: packageVersion("autocannon"),
    commit: gitCommit(),
  };
}
