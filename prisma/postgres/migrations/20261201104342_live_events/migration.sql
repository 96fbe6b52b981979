-- The PostgreSQL twin of prisma/sqlite/migrations/20261201104342_live_events: the event log the
-- /events stream reads and the open editor tabs (presence); both pruned by the app.
-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGINT NOT NULL,
    "documentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Presence" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "segmentId" TEXT,
    "lang" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveEvent_documentId_id_idx" ON "LiveEvent"("documentId", "id");

-- CreateIndex
CREATE INDEX "Presence_seenAt_idx" ON "Presence"("seenAt");

-- CreateIndex
CREATE INDEX "Presence_documentId_idx" ON "Presence"("documentId");
