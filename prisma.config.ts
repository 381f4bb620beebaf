import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate). The app applies prisma/migrations/<provider>/
// itself at start (lib/db/migrate.ts); `prisma migrate deploy` accepts the same folders.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
});
