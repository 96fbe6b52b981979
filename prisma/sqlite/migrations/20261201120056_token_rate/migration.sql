-- CreateTable
CREATE TABLE "ApiRequestCount" (
    "tokenHash" TEXT NOT NULL,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("tokenHash", "window")
);
