-- The PostgreSQL twin of prisma/sqlite/migrations/20261201095854_qa: a project's quality-check
-- settings and the findings someone chose to ignore.
-- CreateTable
CREATE TABLE "QaIgnore" (
    "id" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "findingKey" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unignoredById" TEXT,
    "unignoredAt" TIMESTAMP(3),

    CONSTRAINT "QaIgnore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QaSettings" (
    "projectId" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QaSettings_pkey" PRIMARY KEY ("projectId")
);

-- CreateIndex
CREATE INDEX "QaIgnore_segmentId_lang_idx" ON "QaIgnore"("segmentId", "lang");

-- CreateIndex
CREATE INDEX "QaIgnore_documentId_lang_idx" ON "QaIgnore"("documentId", "lang");

-- AddForeignKey
ALTER TABLE "QaIgnore" ADD CONSTRAINT "QaIgnore_unignoredById_fkey" FOREIGN KEY ("unignoredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaIgnore" ADD CONSTRAINT "QaIgnore_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaIgnore" ADD CONSTRAINT "QaIgnore_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaIgnore" ADD CONSTRAINT "QaIgnore_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaSettings" ADD CONSTRAINT "QaSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaSettings" ADD CONSTRAINT "QaSettings_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
