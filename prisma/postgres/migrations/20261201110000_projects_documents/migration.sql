-- The PostgreSQL twin of prisma/sqlite/migrations/20261201110000_projects_documents: archive and
-- trash, uploaded source files, source history, document events, removed paragraphs and "source
-- changed" marks; the trigger that drops a mark on confirmation in PL/pgSQL, same name and condition.
-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "binOfId" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "position" INTEGER,
ADD COLUMN     "structureVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "translatorsMayEditSource" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Segment" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mayCreateProjects" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DocumentEvent" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "segmentId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,

    CONSTRAINT "DocumentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentFile" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceChange" (
    "translationId" TEXT NOT NULL,
    "oldSource" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceChange_pkey" PRIMARY KEY ("translationId")
);

-- CreateTable
CREATE TABLE "SourceRevision" (
    "id" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventId" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrashedSegment" (
    "segmentId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "eventId" TEXT,
    "trashedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trashedById" TEXT,

    CONSTRAINT "TrashedSegment_pkey" PRIMARY KEY ("segmentId")
);

-- CreateIndex
CREATE INDEX "DocumentEvent_segmentId_idx" ON "DocumentEvent"("segmentId");

-- CreateIndex
CREATE INDEX "DocumentEvent_documentId_createdAt_idx" ON "DocumentEvent"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentFile_documentId_createdAt_idx" ON "DocumentFile"("documentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SourceRevision_segmentId_version_key" ON "SourceRevision"("segmentId", "version");

-- CreateIndex
CREATE INDEX "TrashedSegment_documentId_trashedAt_idx" ON "TrashedSegment"("documentId", "trashedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Document_binOfId_key" ON "Document"("binOfId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_binOfId_fkey" FOREIGN KEY ("binOfId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentEvent" ADD CONSTRAINT "DocumentEvent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentEvent" ADD CONSTRAINT "DocumentEvent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceChange" ADD CONSTRAINT "SourceChange_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRevision" ADD CONSTRAINT "SourceRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRevision" ADD CONSTRAINT "SourceRevision_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrashedSegment" ADD CONSTRAINT "TrashedSegment_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A translation confirmed again (translated, reviewed or approved) no longer needs the "source
-- changed" mark: whichever write path confirmed it, the database drops the mark.
-- CreateFunction
CREATE FUNCTION "Translation_drop_source_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SourceChange" WHERE "translationId" = NEW."id";
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Translation_source_change_confirmed" AFTER UPDATE OF "status" ON "Translation"
FOR EACH ROW WHEN (NEW."status" IN ('translated', 'reviewed', 'approved'))
EXECUTE FUNCTION "Translation_drop_source_change"();
