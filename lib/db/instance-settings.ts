import "server-only";
import type { TDatabase } from "./types";

export type TInstanceSettings = { anonymousCreationAllowed: boolean };

const ANONYMOUS_CREATION_KEY = "anonymous_creation_allowed";

/**
 * Read on every signed-out create, so cached briefly per process: a change made on another
 * instance takes effect there within this time; on this instance at once.
 */
export const INSTANCE_SETTINGS_CACHE_MS = 5_000;
const cache = new WeakMap<TDatabase, { settings: TInstanceSettings; freshUntilMs: number }>();

export async function getInstanceSettings(db: TDatabase): Promise<TInstanceSettings> {
  const cached = cache.get(db);
  if (cached && cached.freshUntilMs > Date.now()) return cached.settings;
  const row = await db.prisma.instanceSetting.findUnique({ where: { key: ANONYMOUS_CREATION_KEY } });
  const settings = { anonymousCreationAllowed: row ? row.value === "true" : true };
  cache.set(db, { settings, freshUntilMs: Date.now() + INSTANCE_SETTINGS_CACHE_MS });
  return settings;
}

export async function updateInstanceSettings(db: TDatabase, settings: TInstanceSettings): Promise<void> {
  const value = String(settings.anonymousCreationAllowed);
  await db.prisma.instanceSetting.upsert({ where: { key: ANONYMOUS_CREATION_KEY }, create: { key: ANONYMOUS_CREATION_KEY, value }, update: { value } });
  cache.delete(db);
}
