import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildAppContext } from "@/lib/app-context";
import { parseServerEnv } from "@/lib/env";
import { createApiHandler } from "@/lib/http/api-handler";
import { createPostgresTestDatabase, testDatabaseKinds, type TTestDatabase } from "../helpers/test-databases";
import { createSecretVia, decryptRevealed, proofFor, startTestApi } from "../helpers/test-api";

const kinds = await testDatabaseKinds();
const ROOT = path.resolve(import.meta.dirname, "../..");
const workDir = mkdtempSync(path.join(tmpdir(), "hushlink-backup-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function databaseUrlOf(database: TTestDatabase): string {
  return database.config.provider === "sqlite" ? `file:${database.config.filePath}` : database.config.url;
}

/** Opens the real API on an existing database (as a restarted app would). */
async function openApiOn(databaseUrl: string) {
  const context = await buildAppContext(parseServerEnv({ DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }));
  const handler = createApiHandler(async () => context);
  return {
    reveal: (id: string, proof: string) =>
      handler(
        new Request(`http://hushlink.test/api/v1/secrets/${id}/reveal`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ proof }),
        }),
        { socketIp: "127.0.0.1" },
      ),
    close: () => context.db.close(),
  };
}

describe.each(kinds)("backup and restore on %s", (kind) => {
  it("restores `npm run backup` output into a fresh database that reveals the secret", async () => {
    const api = await startTestApi({ kind });
    const created = await createSecretVia(api, { text: "survives a restore", maxViews: 2 });
    const keys = await proofFor(created);
    expect((await api.postJson(`/api/v1/secrets/${created.id}/reveal`, { proof: keys.proof })).status).toBe(200);

    const backupFile = path.join(workDir, `${kind}.backup`);
    execFileSync(process.execPath, [path.join(ROOT, "scripts/backup.mjs"), backupFile], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrlOf(api.database) },
      stdio: "pipe",
    });

    let restoredUrl: string;
    let restored: TTestDatabase | undefined;
    if (kind === "sqlite") {
      const restoredFile = path.join(workDir, "restored.db");
      copyFileSync(backupFile, restoredFile);
      restoredUrl = `file:${restoredFile}`;
    } else {
      restored = await createPostgresTestDatabase();
      restoredUrl = databaseUrlOf(restored);
      const result = spawnSync("pg_restore", ["--no-owner", "--no-privileges", `--dbname=${restoredUrl}`, backupFile], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    }

    const restoredApi = await openApiOn(restoredUrl);
    try {
      const revealed = await restoredApi.reveal(created.id, keys.proof);
      expect(revealed.status).toBe(200);
      const body = (await revealed.json()) as { envelope: typeof created.envelope; viewsLeft: number };
      expect(body.viewsLeft).toBe(0);
      expect(decryptRevealed({ envelope: body.envelope, encryptionKey: keys.encryptionKey })).toBe("survives a restore");
      expect((await restoredApi.reveal(created.id, keys.proof)).status).toBe(404);
    } finally {
      await restoredApi.close();
      await restored?.drop();
      await api.close();
    }
  });
});
