-- CreateTable
CREATE TABLE "Memory" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "workingOf" TEXT,
    "name" TEXT NOT NULL,
    "sourceLang" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Memory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMemory" (
    "projectId" TEXT NOT NULL,
    "memoryId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMemory_pkey" PRIMARY KEY ("projectId","memoryId")
);

-- CreateTable
CREATE TABLE "MemoryUnit" (
    "id" SERIAL NOT NULL,
    "memoryId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceLang" TEXT NOT NULL,
    "targetLang" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT,
    "originDocumentId" TEXT,
    "originSegmentId" TEXT,
    "sentenceIndex" INTEGER,
    "prevHash" TEXT,
    "nextHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemoryUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemorySettings" (
    "projectId" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL DEFAULT 70,
    "repetitions" BOOLEAN NOT NULL DEFAULT true,
    "exactAsTranslated" BOOLEAN NOT NULL DEFAULT true,
    "analysisWeights" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemorySettings_pkey" PRIMARY KEY ("projectId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Memory_workingOf_key" ON "Memory"("workingOf");

-- CreateIndex
CREATE INDEX "Memory_projectId_idx" ON "Memory"("projectId");

-- CreateIndex
CREATE INDEX "ProjectMemory_memoryId_idx" ON "ProjectMemory"("memoryId");

-- CreateIndex
CREATE INDEX "MemoryUnit_originSegmentId_idx" ON "MemoryUnit"("originSegmentId");

-- CreateIndex
CREATE INDEX "MemoryUnit_originDocumentId_idx" ON "MemoryUnit"("originDocumentId");

-- CreateIndex
CREATE INDEX "MemoryUnit_authorId_idx" ON "MemoryUnit"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "MemoryUnit_memoryId_targetLang_sourceHash_key" ON "MemoryUnit"("memoryId", "targetLang", "sourceHash");

-- AddForeignKey
ALTER TABLE "Memory" ADD CONSTRAINT "Memory_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Memory" ADD CONSTRAINT "Memory_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMemory" ADD CONSTRAINT "ProjectMemory_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMemory" ADD CONSTRAINT "ProjectMemory_memoryId_fkey" FOREIGN KEY ("memoryId") REFERENCES "Memory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMemory" ADD CONSTRAINT "ProjectMemory_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemoryUnit" ADD CONSTRAINT "MemoryUnit_memoryId_fkey" FOREIGN KEY ("memoryId") REFERENCES "Memory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemoryUnit" ADD CONSTRAINT "MemoryUnit_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemoryUnit" ADD CONSTRAINT "MemoryUnit_originDocumentId_fkey" FOREIGN KEY ("originDocumentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemoryUnit" ADD CONSTRAINT "MemoryUnit_originSegmentId_fkey" FOREIGN KEY ("originSegmentId") REFERENCES "Segment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemorySettings" ADD CONSTRAINT "MemorySettings_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

