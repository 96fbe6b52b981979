-- The PostgreSQL twin of prisma/sqlite/migrations/20261201100727_review_inbox: whom a note is
-- addressed to, the review decision it gives the reason for, and which addressed notes were opened.
-- AlterTable
ALTER TABLE "Note" ADD COLUMN "addressedToId" TEXT,
ADD COLUMN "decision" TEXT,
ADD COLUMN "decisionVersion" INTEGER;

-- CreateTable
CREATE TABLE "NoteRead" (
    "noteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteRead_pkey" PRIMARY KEY ("noteId","userId")
);

-- CreateIndex
CREATE INDEX "Note_addressedToId_idx" ON "Note"("addressedToId");

-- CreateIndex
CREATE INDEX "NoteRead_userId_idx" ON "NoteRead"("userId");

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_addressedToId_fkey" FOREIGN KEY ("addressedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteRead" ADD CONSTRAINT "NoteRead_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteRead" ADD CONSTRAINT "NoteRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
