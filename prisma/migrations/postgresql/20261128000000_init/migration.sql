-- CreateTable
CREATE TABLE "secrets" (
    "id" TEXT NOT NULL,
    "envelope" TEXT,
    "verifier" TEXT NOT NULL,
    "manage_token_hash" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,
    "expires_at_ms" BIGINT NOT NULL,
    "max_views" INTEGER NOT NULL,
    "views_used" INTEGER NOT NULL DEFAULT 0,
    "failed_proofs" INTEGER NOT NULL DEFAULT 0,
    "burned_at_ms" BIGINT,
    "last_viewed_at_ms" BIGINT,
    "purged_at_ms" BIGINT,

    CONSTRAINT "secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "secrets_expires_at_ms_idx" ON "secrets"("expires_at_ms");
