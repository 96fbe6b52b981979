-- CreateTable
CREATE TABLE "BulkEdit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'replace',
    "find" TEXT NOT NULL,
    "replace" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" DATETIME,
    "undoneById" TEXT,
    CONSTRAINT "BulkEdit_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkEdit_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BulkEdit_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulkEditEntry" (
    "bulkEditId" TEXT NOT NULL,
    "translationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "textBefore" TEXT NOT NULL,
    "statusBefore" TEXT NOT NULL,

    PRIMARY KEY ("bulkEditId", "translationId"),
    CONSTRAINT "BulkEditEntry_bulkEditId_fkey" FOREIGN KEY ("bulkEditId") REFERENCES "BulkEdit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkEditEntry_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BulkEdit_documentId_createdAt_idx" ON "BulkEdit"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkEditEntry_translationId_version_idx" ON "BulkEditEntry"("translationId", "version");
