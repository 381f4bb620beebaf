import "server-only";
import type { TDatabase } from "./types";

/** True when the database answers a trivial query. */
export async function pingDatabase(db: TDatabase): Promise<boolean> {
  try {
    await db.prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
