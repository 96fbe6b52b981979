-- The translation memory's full-text indexes (docs/translation-memory.md; every query that reads
-- them is in lib/tm/fts5.ts, the one SQLite-specific module of the memory):
--  - MemoryUnitWords: the source's words (case folded, diacritics kept: й is not и, ї is not і),
--    without positions: where match candidates come from, rarest words first;
--  - MemoryUnitSourceText, MemoryUnitTargetText: trigrams of the source and of the target, case
--    folded (Cyrillic too), without positions: concordance, a phrase found anywhere, even inside a
--    word (its rarest trigrams find the candidates, the text itself confirms the phrase).
-- The two vocabulary tables (fts5vocab) tell how many units have a word or a trigram.
-- No ranking function is used (candidates are scored exactly afterwards), so no row sizes are kept
-- (columnsize=0). They index MemoryUnit's own text (external content, no copy) by its INTEGER PRIMARY KEY, and the
-- triggers below keep them in step with every insert, update and delete, whatever writes it.
-- Prisma models none of this: a future migration that redefines "MemoryUnit" (SQLite copies the
-- table) drops the triggers and must create them again, then rebuild the indexes
-- (lib/tm/fts.test.ts fails when anything here is missing).

-- CreateVirtualTable
CREATE VIRTUAL TABLE "MemoryUnitWords" USING fts5(
  source, content='MemoryUnit', content_rowid='id',
  tokenize="unicode61 remove_diacritics 0 tokenchars '''’ʼ'", detail=none, columnsize=0
);

-- CreateVirtualTable
CREATE VIRTUAL TABLE "MemoryUnitWordsVocab" USING fts5vocab("MemoryUnitWords", 'row');

-- CreateVirtualTable
CREATE VIRTUAL TABLE "MemoryUnitSourceText" USING fts5(
  source, content='MemoryUnit', content_rowid='id', tokenize='trigram case_sensitive 0', detail=none, columnsize=0
);

-- CreateVirtualTable
CREATE VIRTUAL TABLE "MemoryUnitSourceTextVocab" USING fts5vocab("MemoryUnitSourceText", 'row');

-- CreateVirtualTable
CREATE VIRTUAL TABLE "MemoryUnitTargetText" USING fts5(
  target, content='MemoryUnit', content_rowid='id', tokenize='trigram case_sensitive 0', detail=none, columnsize=0
);

-- CreateVirtualTable
CREATE VIRTUAL TABLE "MemoryUnitTargetTextVocab" USING fts5vocab("MemoryUnitTargetText", 'row');

-- CreateTrigger
CREATE TRIGGER "MemoryUnit_fts_after_insert" AFTER INSERT ON "MemoryUnit"
BEGIN
  INSERT INTO "MemoryUnitWords" (rowid, source) VALUES (NEW."id", NEW."source");
  INSERT INTO "MemoryUnitSourceText" (rowid, source) VALUES (NEW."id", NEW."source");
  INSERT INTO "MemoryUnitTargetText" (rowid, target) VALUES (NEW."id", NEW."target");
END;

-- CreateTrigger
CREATE TRIGGER "MemoryUnit_fts_after_delete" AFTER DELETE ON "MemoryUnit"
BEGIN
  INSERT INTO "MemoryUnitWords" ("MemoryUnitWords", rowid, source) VALUES ('delete', OLD."id", OLD."source");
  INSERT INTO "MemoryUnitSourceText" ("MemoryUnitSourceText", rowid, source) VALUES ('delete', OLD."id", OLD."source");
  INSERT INTO "MemoryUnitTargetText" ("MemoryUnitTargetText", rowid, target) VALUES ('delete', OLD."id", OLD."target");
END;

-- CreateTrigger
-- A new translation of the same source (the usual update) leaves the source indexes alone.
CREATE TRIGGER "MemoryUnit_fts_after_update_source" AFTER UPDATE OF "source" ON "MemoryUnit"
WHEN NEW."source" IS NOT OLD."source"
BEGIN
  INSERT INTO "MemoryUnitWords" ("MemoryUnitWords", rowid, source) VALUES ('delete', OLD."id", OLD."source");
  INSERT INTO "MemoryUnitSourceText" ("MemoryUnitSourceText", rowid, source) VALUES ('delete', OLD."id", OLD."source");
  INSERT INTO "MemoryUnitWords" (rowid, source) VALUES (NEW."id", NEW."source");
  INSERT INTO "MemoryUnitSourceText" (rowid, source) VALUES (NEW."id", NEW."source");
END;

-- CreateTrigger
CREATE TRIGGER "MemoryUnit_fts_after_update_target" AFTER UPDATE OF "target" ON "MemoryUnit"
WHEN NEW."target" IS NOT OLD."target"
BEGIN
  INSERT INTO "MemoryUnitTargetText" ("MemoryUnitTargetText", rowid, target) VALUES ('delete', OLD."id", OLD."target");
  INSERT INTO "MemoryUnitTargetText" (rowid, target) VALUES (NEW."id", NEW."target");
END;
