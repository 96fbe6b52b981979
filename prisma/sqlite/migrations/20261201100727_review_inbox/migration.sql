-- Review workflow: whom a note is addressed to, the review decision it gives the reason for, and
-- which notes addressed to someone they have opened. Added columns rather than a copied Note table,
-- which would drop the columns other branches add.
ALTER TABLE "Note" ADD COLUMN "addressedToId" TEXT CONSTRAINT "Note_addressedToId_fkey" REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Note" ADD COLUMN "decision" TEXT;
ALTER TABLE "Note" ADD COLUMN "decisionVersion" INTEGER;
CREATE INDEX "Note_addressedToId_idx" ON "Note"("addressedToId");

-- CreateTable
CREATE TABLE "NoteRead" (
    "noteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("noteId", "userId"),
    CONSTRAINT "NoteRead_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NoteRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "NoteRead_userId_idx" ON "NoteRead"("userId");
