-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "authorName" TEXT;
