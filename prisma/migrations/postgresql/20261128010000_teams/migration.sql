-- AlterTable
ALTER TABLE "secrets" ADD COLUMN     "creator_user_id" TEXT,
ADD COLUMN     "label" TEXT,
ADD COLUMN     "restrict_to_team" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "team_id" TEXT;

-- CreateTable
CREATE TABLE "secret_events" (
    "id" TEXT NOT NULL,
    "secret_id" TEXT NOT NULL,
    "team_id" TEXT,
    "at_ms" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "user_id" TEXT,
    "ip_prefix" TEXT,
    "browser" TEXT,
    "views_left" INTEGER,

    CONSTRAINT "secret_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "created_at_ms" BIGINT NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "session_token_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at_ms" BIGINT NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,
    "max_expires_in_seconds" INTEGER,
    "max_views" INTEGER,
    "require_passphrase" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_memberships" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,

    CONSTRAINT "team_memberships_pkey" PRIMARY KEY ("team_id","user_id")
);

-- CreateIndex
CREATE INDEX "secrets_creator_user_id_created_at_ms_idx" ON "secrets"("creator_user_id", "created_at_ms");
CREATE INDEX "secrets_team_id_created_at_ms_idx" ON "secrets"("team_id", "created_at_ms");
CREATE INDEX "secret_events_secret_id_at_ms_idx" ON "secret_events"("secret_id", "at_ms");
CREATE INDEX "secret_events_team_id_at_ms_idx" ON "secret_events"("team_id", "at_ms");
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");
CREATE UNIQUE INDEX "sessions_session_token_hash_key" ON "sessions"("session_token_hash");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");
CREATE INDEX "team_memberships_user_id_idx" ON "team_memberships"("user_id");

-- AddForeignKey
ALTER TABLE "secrets" ADD CONSTRAINT "secrets_creator_user_id_fkey" FOREIGN KEY ("creator_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "secrets" ADD CONSTRAINT "secrets_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "secret_events" ADD CONSTRAINT "secret_events_secret_id_fkey" FOREIGN KEY ("secret_id") REFERENCES "secrets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "secret_events" ADD CONSTRAINT "secret_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
