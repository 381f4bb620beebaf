import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SOURCE_FOLDERS = ["app", "components", "lib", "proxy.ts"];

function listSourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((child) => {
    const relative = path.join(entry, child.name);
    if (child.isDirectory()) return relative.includes("generated") ? [] : listSourceFiles(relative);
    return /\.(ts|tsx)$/.test(child.name) ? [relative] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? "",
  );
}

const files = SOURCE_FOLDERS.flatMap(listSourceFiles);
const importsByFile = new Map(files.map((file) => [file, importsOf(file)]));
const offenders = (predicate: (file: string, specifier: string) => boolean) =>
  [...importsByFile].flatMap(([file, specifiers]) => specifiers.filter((specifier) => predicate(file, specifier)).map((specifier) => `${file} -> ${specifier}`));

describe("architecture boundaries (STYLE.md)", () => {
  it("finds the source files it polices", () => {
    expect(files.length).toBeGreaterThan(30);
    expect(importsByFile.get(path.join("lib", "db", "open-database.ts"))).toContain("@prisma/adapter-pg");
  });

  it("lets only lib/db import Prisma or the database drivers", () => {
    const isDatabasePackage = (specifier: string) =>
      /^(@prisma\/|prisma$|better-sqlite3$|pg$|rate-limiter-flexible$)/.test(specifier) || specifier.includes("/generated/");
    expect(offenders((file, specifier) => isDatabasePackage(specifier) && !file.startsWith(path.join("lib", "db")))).toEqual([]);
  });

  it("lets only lib/db touch the Prisma client", () => {
    const users = files.filter(
      (file) => !file.startsWith(path.join("lib", "db")) && /\.prisma\b/.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(users).toEqual([]);
  });

  it("keeps components and pages away from lib/db and the use cases", () => {
    const isUi = (file: string) => file.startsWith("components") || (file.startsWith("app") && !file.startsWith(path.join("app", "api")));
    expect(offenders((file, specifier) => isUi(file) && /^@\/lib\/(db|secrets|server|app-context)/.test(specifier))).toEqual([]);
  });

  it("keeps route files thin: app/api only mounts the API handler or next-auth", () => {
    const mounts = new Set(["@/lib/http/next-route", "@/lib/auth/next-auth-route"]);
    expect(offenders((file, specifier) => file.startsWith(path.join("app", "api")) && !mounts.has(specifier))).toEqual([]);
  });

  it("marks every lib/db and lib/secrets module with a server-only import except pure helpers", () => {
    const pureAllowed = new Set(["database-url.ts", "types.ts", "dashboard-api.ts", "to-secret-record.ts", "context.ts", "index.ts", "is-database-unavailable-error.ts"]);
    const missing = files.filter(
      (file) =>
        (file.startsWith(path.join("lib", "db")) || file.startsWith(path.join("lib", "secrets"))) &&
        !pureAllowed.has(path.basename(file)) &&
        !importsByFile.get(file)?.includes("server-only"),
    );
    expect(missing).toEqual([]);
  });
});
