-- The PostgreSQL twin of prisma/sqlite/migrations/20261201125735_translators_may_change_approved:
-- the project setting that lets translators change approved paragraphs (npm run db:twins).
-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "translatorsMayChangeApproved" BOOLEAN NOT NULL DEFAULT false;
