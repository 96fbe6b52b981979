-- Where a translation's text came from when no person typed it (pre-translation from a memory, a
-- repetition), with the match percentage, kept beside the text (lib/translations/origin.ts).
-- The PostgreSQL twin of prisma/sqlite/migrations/20261201142917_translation_origin: the same
-- columns, and triggers of the same names and conditions. PostgreSQL changes the new row before it
-- is written (BEFORE triggers) where SQLite updates it again after.

-- AlterTable
ALTER TABLE "Translation" ADD COLUMN "origin" TEXT,
ADD COLUMN "originScore" INTEGER,
ADD COLUMN "originName" TEXT,
ADD COLUMN "originSegmentId" TEXT,
ADD COLUMN "originVersion" INTEGER,
ADD COLUMN "originEdited" BOOLEAN NOT NULL DEFAULT false;

-- Any later change of a filled text is an edit, whichever path writes it (a save, find and replace,
-- an import, a restore): the database marks it, so no write path can forget to. A fill itself writes
-- a new originVersion and is not one. Emptying the text leaves nothing to have come from anywhere.
-- CreateFunction
CREATE FUNCTION "Translation_mark_origin_edited"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."originEdited" := true;
  RETURN NEW;
END;
$$;

-- CreateFunction
CREATE FUNCTION "Translation_clear_origin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."origin" := NULL;
  NEW."originScore" := NULL;
  NEW."originName" := NULL;
  NEW."originSegmentId" := NULL;
  NEW."originVersion" := NULL;
  NEW."originEdited" := false;
  RETURN NEW;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Translation_origin_edited" BEFORE UPDATE OF "text" ON "Translation"
FOR EACH ROW WHEN (NEW."origin" IS NOT NULL AND NOT NEW."originEdited" AND NEW."text" <> OLD."text"
  AND NEW."text" <> '' AND NEW."originVersion" IS NOT DISTINCT FROM OLD."originVersion")
EXECUTE FUNCTION "Translation_mark_origin_edited"();

-- CreateTrigger
CREATE TRIGGER "Translation_origin_cleared" BEFORE UPDATE OF "text" ON "Translation"
FOR EACH ROW WHEN (NEW."origin" IS NOT NULL AND NEW."text" = ''
  AND NEW."originVersion" IS NOT DISTINCT FROM OLD."originVersion")
EXECUTE FUNCTION "Translation_clear_origin"();
