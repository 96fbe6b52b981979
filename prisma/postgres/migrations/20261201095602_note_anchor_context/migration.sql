-- The PostgreSQL twin of prisma/sqlite/migrations/20261201095602_note_anchor_context: note anchors
-- keep the context of their quote (prefix/suffix) and say when their words are gone.
-- AlterTable
ALTER TABLE "Note" ADD COLUMN "anchorPrefix" TEXT,
ADD COLUMN "anchorSuffix" TEXT,
ADD COLUMN "anchorLost" BOOLEAN NOT NULL DEFAULT false;
