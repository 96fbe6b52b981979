-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "translatorsMayEditGlossary" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Glossary" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Glossary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryEntry" (
    "id" TEXT NOT NULL,
    "glossaryId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "termKey" TEXT NOT NULL,
    "stemKey" TEXT NOT NULL,
    "sourceLang" TEXT NOT NULL,
    "partOfSpeech" TEXT,
    "definition" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "example" TEXT NOT NULL DEFAULT '',
    "caseSensitive" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryTranslation" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "termKey" TEXT NOT NULL,
    "stemKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'preferred',
    "note" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GlossaryTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectGlossary" (
    "projectId" TEXT NOT NULL,
    "glossaryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectGlossary_pkey" PRIMARY KEY ("projectId","glossaryId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Glossary_projectId_key" ON "Glossary"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryEntry_glossaryId_sourceLang_termKey_key" ON "GlossaryEntry"("glossaryId", "sourceLang", "termKey");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTranslation_entryId_lang_termKey_key" ON "GlossaryTranslation"("entryId", "lang", "termKey");

-- CreateIndex
CREATE INDEX "ProjectGlossary_glossaryId_idx" ON "ProjectGlossary"("glossaryId");

-- AddForeignKey
ALTER TABLE "Glossary" ADD CONSTRAINT "Glossary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryEntry" ADD CONSTRAINT "GlossaryEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryEntry" ADD CONSTRAINT "GlossaryEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryEntry" ADD CONSTRAINT "GlossaryEntry_glossaryId_fkey" FOREIGN KEY ("glossaryId") REFERENCES "Glossary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryTranslation" ADD CONSTRAINT "GlossaryTranslation_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "GlossaryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectGlossary" ADD CONSTRAINT "ProjectGlossary_glossaryId_fkey" FOREIGN KEY ("glossaryId") REFERENCES "Glossary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectGlossary" ADD CONSTRAINT "ProjectGlossary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
