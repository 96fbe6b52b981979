-- AlterTable (a constant default: SQLite adds the column in place, no table rebuild)
ALTER TABLE "Project" ADD COLUMN "translatorsMayChangeApproved" BOOLEAN NOT NULL DEFAULT false;
