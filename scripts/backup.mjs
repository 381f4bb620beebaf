#!/usr/bin/env node
// Online backup of Hushlink's database to one file, safe while the app runs.
//   npm run backup -- ./hushlink-2026-11-28.backup
// SQLite: SQLite's online backup API (consistent with WAL, no lock held for long).
// PostgreSQL: pg_dump in custom format (restore with pg_restore, see README "Backups").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const outFile = process.argv[2];
if (!outFile) {
  console.error("usage: npm run backup -- <output file>");
  process.exit(2);
}
if (existsSync(outFile)) {
  console.error(`refusing to overwrite ${outFile}`);
  process.exit(2);
}

const databaseUrl = (process.env.DATABASE_URL ?? "").trim();
if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
  const result = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${outFile}`, databaseUrl], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

const sqlitePath = databaseUrl.startsWith("file:")
  ? path.resolve(databaseUrl.slice("file:".length).replace(/[?#].*$/, "").replace(/^\/\/(localhost)?(?=\/)/, ""))
  : path.resolve("data/hushlink.db");
if (!existsSync(sqlitePath)) {
  console.error(`no SQLite database at ${sqlitePath}`);
  process.exit(1);
}
const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
try {
  await source.backup(outFile);
  console.log(`backed up ${sqlitePath} to ${outFile}`);
} finally {
  source.close();
}
