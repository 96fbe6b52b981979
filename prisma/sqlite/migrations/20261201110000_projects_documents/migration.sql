-- Projects and documents of one's own (issue #13): archive and trash for projects and documents, the
-- uploaded source files, source history, document events, removed paragraphs and "source changed" marks.

-- CreateTable
CREATE TABLE "DocumentFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentFile_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "segmentId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" DATETIME,
    "undoneById" TEXT,
    CONSTRAINT "DocumentEvent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentEvent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "segmentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventId" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SourceRevision_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SourceRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceChange" (
    "translationId" TEXT NOT NULL PRIMARY KEY,
    "oldSource" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SourceChange_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrashedSegment" (
    "segmentId" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "eventId" TEXT,
    "trashedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trashedById" TEXT,
    CONSTRAINT "TrashedSegment_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (constant or NULL defaults: SQLite adds the columns in place, no table rebuild, so the
-- revision trigger on "Translation" and everything pointing at these tables stay as they are)
ALTER TABLE "User" ADD COLUMN "mayCreateProjects" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Project" ADD COLUMN "translatorsMayEditSource" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Project" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "Project" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "Project" ADD COLUMN "deletedById" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Document" ADD COLUMN "position" INTEGER;
ALTER TABLE "Document" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "Document" ADD COLUMN "deletedById" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Document" ADD COLUMN "structureVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Document" ADD COLUMN "binOfId" TEXT REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Segment" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Document_binOfId_key" ON "Document"("binOfId");

-- CreateIndex
CREATE INDEX "DocumentFile_documentId_createdAt_idx" ON "DocumentFile"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentEvent_documentId_createdAt_idx" ON "DocumentEvent"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentEvent_segmentId_idx" ON "DocumentEvent"("segmentId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceRevision_segmentId_version_key" ON "SourceRevision"("segmentId", "version");

-- CreateIndex
CREATE INDEX "TrashedSegment_documentId_trashedAt_idx" ON "TrashedSegment"("documentId", "trashedAt");

-- A translation confirmed again (translated, reviewed or approved) no longer needs the "source
-- changed" mark: whichever write path confirmed it (a save, a decision, approve all, an import),
-- the database drops the mark, as it writes revisions (migration revision_trigger).
-- CreateTrigger
CREATE TRIGGER "Translation_source_change_confirmed" AFTER UPDATE OF "status" ON "Translation"
WHEN NEW."status" IN ('translated', 'reviewed', 'approved')
BEGIN
  DELETE FROM "SourceChange" WHERE "translationId" = NEW."id";
END;
