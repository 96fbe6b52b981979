-- Imported notes belong to the member who imported them; the author and date the file gave are kept
-- beside them (shown as "from file: …"), instead of being matched to a member's account by name.
-- The PostgreSQL twin of prisma/sqlite/migrations/20261201090000_note_from_file.

-- AlterTable: the name an older import kept (authorName) is the file's author.
ALTER TABLE "Note" RENAME COLUMN "authorName" TO "fileAuthor";
ALTER TABLE "Note" ADD COLUMN "fileCreatedAt" TIMESTAMP(3);
ALTER TABLE "Note" ADD COLUMN "fromFile" BOOLEAN NOT NULL DEFAULT false;

-- Notes an older import wrote with a name and no account came from a file, dated as written there.
UPDATE "Note" SET "fromFile" = true, "fileCreatedAt" = "createdAt" WHERE "fileAuthor" IS NOT NULL;
