// Generates one Prisma client per provider from prisma/schema.prisma.
// The Prisma CLI wants a schema engine binary it cannot download here; `generate` never
// runs it, so any existing file satisfies the check.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const generatedDir = path.join(root, "prisma/.generated");
mkdirSync(generatedDir, { recursive: true });

const postgresSchema = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgresql"');
if (postgresSchema === source) throw new Error("schema.prisma no longer matches the provider swap");
const postgresSchemaPath = path.join(generatedDir, "schema.postgresql.prisma");
writeFileSync(postgresSchemaPath, postgresSchema);

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
for (const schema of ["prisma/schema.prisma", postgresSchemaPath]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], { cwd: root, env, stdio: "inherit" });
}
