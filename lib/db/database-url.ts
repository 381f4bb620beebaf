import path from "node:path";

export type TDatabaseConfig =
  | { provider: "sqlite"; filePath: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_SQLITE_FILE = "data/hushlink.db";

/**
 * Turns DATABASE_URL into a connection config: unset means the embedded SQLite file under
 * ./data/, `file:` a SQLite file, `postgres://` or `postgresql://` PostgreSQL.
 * Throws on anything else so a typo never silently falls back to a local file.
 */
export function parseDatabaseUrl(options: { databaseUrl: string | undefined; cwd: string }): TDatabaseConfig {
  const databaseUrl = options.databaseUrl?.trim();
  if (!databaseUrl) return { provider: "sqlite", filePath: path.resolve(options.cwd, DEFAULT_SQLITE_FILE) };
  if (databaseUrl.startsWith("file:")) {
    // file:relative, file:/abs, file:///abs and file://localhost/abs (RFC 8089); Prisma-style
    // query options (?connection_limit=1) are not part of the path.
    const filePath = databaseUrl
      .slice("file:".length)
      .replace(/[?#].*$/, "")
      .replace(/^\/\/(localhost)?(?=\/)/, "");
    if (!filePath) throw new Error("DATABASE_URL file: needs a path");
    return { provider: "sqlite", filePath: path.resolve(options.cwd, filePath) };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { provider: "postgresql", url: databaseUrl };
  throw new Error("DATABASE_URL must start with file:, postgres:// or postgresql://");
}
