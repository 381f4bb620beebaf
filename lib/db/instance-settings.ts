import "server-only";
import type { TDatabase } from "./types";

export type TInstanceSettings = { anonymousCreationAllowed: boolean };

const ANONYMOUS_CREATION_KEY = "anonymous_creation_allowed";

export async function getInstanceSettings(db: TDatabase): Promise<TInstanceSettings> {
  const row = await db.prisma.instanceSetting.findUnique({ where: { key: ANONYMOUS_CREATION_KEY } });
  return { anonymousCreationAllowed: row ? row.value === "true" : true };
}

export async function updateInstanceSettings(db: TDatabase, settings: TInstanceSettings): Promise<void> {
  const value = String(settings.anonymousCreationAllowed);
  await db.prisma.instanceSetting.upsert({ where: { key: ANONYMOUS_CREATION_KEY }, create: { key: ANONYMOUS_CREATION_KEY, value }, update: { value } });
}
