-- The purge looks only for rows that still hold ciphertext. Partial indexes keep that
-- search proportional to what is left to purge, not to the whole table, and keep the
-- index off the many rows that were purged already. (Prisma's schema language cannot
-- state partial indexes; schema.prisma notes them.)
DROP INDEX "secrets_expires_at_ms_idx";

-- Live rows by expiry: what the purge drops once their time is up.
CREATE INDEX "secrets_live_expires_at_ms_idx" ON "secrets"("expires_at_ms") WHERE "envelope" IS NOT NULL;

-- Rows used up or burned that still hold ciphertext: only left behind by a crash between
-- the last view and the envelope drop, so this index is normally empty.
CREATE INDEX "secrets_spent_with_envelope_idx" ON "secrets"("id")
  WHERE "envelope" IS NOT NULL AND ("views_used" >= "max_views" OR "burned_at_ms" IS NOT NULL);
