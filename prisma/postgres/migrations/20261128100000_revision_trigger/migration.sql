-- Every version of a translation is kept as a revision, and the database writes it: a save is then
-- one UPDATE (the hottest statement of the app), and no write path (save, restore, replace, review
-- decision, import) can forget its revision or write it twice. The revision copies the row as the
-- write left it: text, status, author (updatedById) and time (updatedAt).
-- The PostgreSQL twin of prisma/sqlite/migrations/20261128100000_revision_trigger: same trigger
-- names, same conditions; the id is "r" and 32 random hex digits (SQLite's: 24).
-- Prisma does not model triggers; lib/db/revision-trigger.test.ts fails if they are missing.

-- CreateFunction
CREATE FUNCTION "Translation_write_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Revision" ("id", "translationId", "version", "text", "status", "authorId", "createdAt")
  VALUES ('r' || replace(gen_random_uuid()::text, '-', ''), NEW."id", NEW."version", NEW."text", NEW."status",
          NEW."updatedById", NEW."updatedAt");
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Translation_revision_after_insert" AFTER INSERT ON "Translation"
FOR EACH ROW WHEN (NEW."version" > 0)
EXECUTE FUNCTION "Translation_write_revision"();

-- CreateTrigger
CREATE TRIGGER "Translation_revision_after_update" AFTER UPDATE OF "version" ON "Translation"
FOR EACH ROW WHEN (NEW."version" <> OLD."version")
EXECUTE FUNCTION "Translation_write_revision"();
