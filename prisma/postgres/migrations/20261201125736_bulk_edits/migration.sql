-- The PostgreSQL twin of prisma/sqlite/migrations/20261201125736_bulk_edits: a find and replace
-- recorded as one bulk edit, each paragraph's text before it kept, so it can be undone (npm run db:twins).
-- CreateTable
CREATE TABLE "BulkEdit" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'replace',
    "find" TEXT NOT NULL,
    "replace" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,

    CONSTRAINT "BulkEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkEditEntry" (
    "bulkEditId" TEXT NOT NULL,
    "translationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "textBefore" TEXT NOT NULL,
    "statusBefore" TEXT NOT NULL,

    CONSTRAINT "BulkEditEntry_pkey" PRIMARY KEY ("bulkEditId","translationId")
);

-- CreateIndex
CREATE INDEX "BulkEdit_documentId_createdAt_idx" ON "BulkEdit"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkEditEntry_translationId_version_idx" ON "BulkEditEntry"("translationId", "version");

-- AddForeignKey
ALTER TABLE "BulkEdit" ADD CONSTRAINT "BulkEdit_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkEdit" ADD CONSTRAINT "BulkEdit_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkEdit" ADD CONSTRAINT "BulkEdit_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkEditEntry" ADD CONSTRAINT "BulkEditEntry_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkEditEntry" ADD CONSTRAINT "BulkEditEntry_bulkEditId_fkey" FOREIGN KEY ("bulkEditId") REFERENCES "BulkEdit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
