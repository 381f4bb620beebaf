import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_FILE, parseDatabaseUrl } from "@/lib/db/database-url";

const CWD = "/srv/hushlink";

describe("parseDatabaseUrl defaults", () => {
  it("uses ./data/hushlink.db under the working directory when DATABASE_URL is unset", () => {
    expect(DEFAULT_SQLITE_FILE).toBe("data/hushlink.db");
    expect(parseDatabaseUrl({ databaseUrl: undefined, cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/srv/hushlink/data/hushlink.db" });
  });

  it("treats an empty or blank DATABASE_URL as unset", () => {
    for (const databaseUrl of ["", "   ", "\n"]) {
      expect(parseDatabaseUrl({ databaseUrl, cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/srv/hushlink/data/hushlink.db" });
    }
  });

  it("resolves the default against the given cwd, not process.cwd()", () => {
    expect(parseDatabaseUrl({ databaseUrl: undefined, cwd: "/tmp/other" })).toEqual({ provider: "sqlite", filePath: "/tmp/other/data/hushlink.db" });
  });
});

describe("parseDatabaseUrl file: URLs (SQLite)", () => {
  it("resolves relative paths against cwd", () => {
    expect(parseDatabaseUrl({ databaseUrl: "file:./dev.db", cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/srv/hushlink/dev.db" });
    expect(parseDatabaseUrl({ databaseUrl: "file:dev.db", cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/srv/hushlink/dev.db" });
    expect(parseDatabaseUrl({ databaseUrl: "file:../shared/h.db", cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/srv/shared/h.db" });
    expect(parseDatabaseUrl({ databaseUrl: "file:data/x/y.db", cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/srv/hushlink/data/x/y.db" });
  });

  it("keeps absolute paths, with one slash or the file:/// form", () => {
    expect(parseDatabaseUrl({ databaseUrl: "file:/var/lib/hushlink/h.db", cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/var/lib/hushlink/h.db" });
    expect(parseDatabaseUrl({ databaseUrl: "file:///var/lib/hushlink/h.db", cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/var/lib/hushlink/h.db" });
  });

  it("always returns an absolute path", () => {
    for (const databaseUrl of ["file:a.db", "file:./a.db", "file:/a.db", "file:///a.db"]) {
      const config = parseDatabaseUrl({ databaseUrl, cwd: CWD });
      expect(config.provider).toBe("sqlite");
      if (config.provider === "sqlite") expect(path.isAbsolute(config.filePath)).toBe(true);
    }
  });

  it("trims surrounding whitespace", () => {
    expect(parseDatabaseUrl({ databaseUrl: "  file:./dev.db\n", cwd: CWD })).toEqual({ provider: "sqlite", filePath: "/srv/hushlink/dev.db" });
  });

  it("throws for file: without a path", () => {
    expect(() => parseDatabaseUrl({ databaseUrl: "file:", cwd: CWD })).toThrow(/path/);
  });
});

describe("parseDatabaseUrl PostgreSQL URLs", () => {
  it("accepts postgres:// and postgresql:// and keeps the URL unchanged", () => {
    const urls = [
      "postgres://hushlink:secret@db.internal:5432/hushlink",
      "postgresql://hushlink:secret@db.internal:5432/hushlink",
      "postgres://127.0.0.1/hushlink?sslmode=require",
      "postgresql://user@[::1]:5433/db",
    ];
    for (const url of urls) expect(parseDatabaseUrl({ databaseUrl: url, cwd: CWD })).toEqual({ provider: "postgresql", url });
  });

  it("trims surrounding whitespace from a PostgreSQL URL", () => {
    expect(parseDatabaseUrl({ databaseUrl: " postgres://h/db ", cwd: CWD })).toEqual({ provider: "postgresql", url: "postgres://h/db" });
  });
});

describe("parseDatabaseUrl refuses everything else", () => {
  const refused = [
    "mysql://root@localhost/hushlink",
    "mariadb://root@localhost/hushlink",
    "sqlserver://localhost",
    "mongodb://localhost/hushlink",
    "sqlite:./dev.db",
    "postgres:/missing-slash",
    "postgres:db",
    "pg://localhost/db",
    "postgresx://localhost/db",
    "https://example.com/db",
    "./data/hushlink.db",
    "/var/lib/hushlink/h.db",
    "hushlink.db",
    "garbage",
    "  postgress://localhost/db",
  ];
  for (const databaseUrl of refused) {
    it(`throws for ${JSON.stringify(databaseUrl)} instead of falling back to a local file`, () => {
      expect(() => parseDatabaseUrl({ databaseUrl, cwd: CWD })).toThrow(/DATABASE_URL/);
    });
  }
});

describe("parseDatabaseUrl with URL forms found in review", () => {
  it("reads file://localhost/abs as the absolute path and drops query options", () => {
    expect(parseDatabaseUrl({ databaseUrl: "file://localhost/var/x.db", cwd: "/srv/h" })).toEqual({ provider: "sqlite", filePath: "/var/x.db" });
    expect(parseDatabaseUrl({ databaseUrl: "file:./dev.db?connection_limit=1", cwd: "/srv/h" })).toEqual({ provider: "sqlite", filePath: "/srv/h/dev.db" });
  });
});
