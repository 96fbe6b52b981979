-- AlterTable
ALTER TABLE "QaIgnore" ADD COLUMN "openKey" TEXT;

-- Two "ignore"s of one finding at the same moment could both insert a mark in force. Such doubles
-- are closed first: the earliest mark stays, a later one is taken back at the moment it was made, by
-- whoever made it (its row, reason and author stay in the history). Then the marks in force get
-- their key, which the index below keeps unique.
UPDATE "QaIgnore" SET "unignoredAt" = "createdAt", "unignoredById" = "createdById"
 WHERE "unignoredAt" IS NULL
   AND EXISTS (
     SELECT 1 FROM "QaIgnore" o
      WHERE o."segmentId" = "QaIgnore"."segmentId" AND o."lang" = "QaIgnore"."lang"
        AND o."findingKey" = "QaIgnore"."findingKey" AND o."unignoredAt" IS NULL
        AND (o."createdAt" < "QaIgnore"."createdAt" OR (o."createdAt" = "QaIgnore"."createdAt" AND o."id" < "QaIgnore"."id")));
UPDATE "QaIgnore" SET "openKey" = "findingKey" WHERE "unignoredAt" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "QaIgnore_segmentId_lang_openKey_key" ON "QaIgnore"("segmentId", "lang", "openKey");
