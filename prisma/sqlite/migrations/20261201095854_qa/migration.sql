-- CreateTable
CREATE TABLE "QaSettings" (
    "projectId" TEXT NOT NULL PRIMARY KEY,
    "data" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QaSettings_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QaSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QaIgnore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "segmentId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "findingKey" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unignoredById" TEXT,
    "unignoredAt" DATETIME,
    CONSTRAINT "QaIgnore_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QaIgnore_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QaIgnore_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QaIgnore_unignoredById_fkey" FOREIGN KEY ("unignoredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QaIgnore_documentId_lang_idx" ON "QaIgnore"("documentId", "lang");

-- CreateIndex
CREATE INDEX "QaIgnore_segmentId_lang_idx" ON "QaIgnore"("segmentId", "lang");
