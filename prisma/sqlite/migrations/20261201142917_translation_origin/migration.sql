-- Where a translation's text came from when no person typed it (pre-translation from a memory, a
-- repetition), with the match percentage, kept beside the text (lib/translations/origin.ts).
-- Written by hand as ADD COLUMN: the generated migration copied the whole table, which is slow on a
-- big database and drops the table's triggers (revisions, source changes). The result is the
-- schema Prisma expects (the same columns, in the same order).

-- AlterTable
ALTER TABLE "Translation" ADD COLUMN "origin" TEXT;
ALTER TABLE "Translation" ADD COLUMN "originScore" INTEGER;
ALTER TABLE "Translation" ADD COLUMN "originName" TEXT;
ALTER TABLE "Translation" ADD COLUMN "originSegmentId" TEXT;
ALTER TABLE "Translation" ADD COLUMN "originVersion" INTEGER;
ALTER TABLE "Translation" ADD COLUMN "originEdited" BOOLEAN NOT NULL DEFAULT false;

-- Any later change of a filled text is an edit, whichever path writes it (a save, find and replace,
-- an import, a restore): the database marks it, so no write path can forget to. A fill itself writes
-- a new originVersion and is not one. Emptying the text leaves nothing to have come from anywhere.
-- CreateTrigger
CREATE TRIGGER "Translation_origin_edited" AFTER UPDATE OF "text" ON "Translation"
WHEN NEW."origin" IS NOT NULL AND NEW."originEdited" = 0 AND NEW."text" <> OLD."text" AND NEW."text" <> ''
 AND NEW."originVersion" IS OLD."originVersion"
BEGIN
  UPDATE "Translation" SET "originEdited" = 1 WHERE "id" = NEW."id";
END;

-- CreateTrigger
CREATE TRIGGER "Translation_origin_cleared" AFTER UPDATE OF "text" ON "Translation"
WHEN NEW."origin" IS NOT NULL AND NEW."text" = '' AND NEW."originVersion" IS OLD."originVersion"
BEGIN
  UPDATE "Translation" SET "origin" = NULL, "originScore" = NULL, "originName" = NULL, "originSegmentId" = NULL,
         "originVersion" = NULL, "originEdited" = 0
   WHERE "id" = NEW."id";
END;
