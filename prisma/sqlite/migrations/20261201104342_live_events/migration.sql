-- Live updates (issue #17): the event log the /events stream reads, and the open editor tabs
-- (presence). Both are pruned by the app (lib/live/event-log.ts, lib/live/presence.ts).

-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGINT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Presence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "segmentId" TEXT,
    "lang" TEXT,
    "seenAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "LiveEvent_documentId_id_idx" ON "LiveEvent"("documentId", "id");

-- CreateIndex
CREATE INDEX "Presence_documentId_idx" ON "Presence"("documentId");

-- CreateIndex
CREATE INDEX "Presence_seenAt_idx" ON "Presence"("seenAt");
