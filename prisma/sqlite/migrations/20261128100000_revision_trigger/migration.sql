-- Every version of a translation is kept as a revision, and the database writes it: a save is then
-- one UPDATE (the hottest statement of the app), and no write path (save, restore, replace, review
-- decision, import) can forget its revision or write it twice. The revision copies the row as the
-- write left it: text, status, author (updatedById) and time (updatedAt).
-- Prisma does not model triggers: a future migration that redefines "Translation" (SQLite copies the
-- table) must create these again; lib/db/revision-trigger.test.ts fails if they are missing.

-- CreateTrigger
CREATE TRIGGER "Translation_revision_after_insert" AFTER INSERT ON "Translation"
WHEN NEW."version" > 0
BEGIN
  INSERT INTO "Revision" ("id", "translationId", "version", "text", "status", "authorId", "createdAt")
  VALUES ('r' || lower(hex(randomblob(12))), NEW."id", NEW."version", NEW."text", NEW."status", NEW."updatedById", NEW."updatedAt");
END;

-- CreateTrigger
CREATE TRIGGER "Translation_revision_after_update" AFTER UPDATE OF "version" ON "Translation"
WHEN NEW."version" <> OLD."version"
BEGIN
  INSERT INTO "Revision" ("id", "translationId", "version", "text", "status", "authorId", "createdAt")
  VALUES ('r' || lower(hex(randomblob(12))), NEW."id", NEW."version", NEW."text", NEW."status", NEW."updatedById", NEW."updatedAt");
END;
