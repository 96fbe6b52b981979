-- The PostgreSQL twin of prisma/sqlite/migrations/20261201120056_token_rate: API requests per token
-- per minute, counted in the database so that every instance sees the same count.
-- CreateTable
CREATE TABLE "ApiRequestCount" (
    "tokenHash" TEXT NOT NULL,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiRequestCount_pkey" PRIMARY KEY ("tokenHash","window")
);
