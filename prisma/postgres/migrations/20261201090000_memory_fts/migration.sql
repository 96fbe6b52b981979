-- The PostgreSQL twin of prisma/sqlite/migrations/20261201090000_memory_fts: the translation
-- memory's text indexes (docs/translation-memory.md). FTS5 has no PostgreSQL form; the same three
-- questions are answered by (every query that reads them is in lib/tm/pg-index.ts):
--  - "MemoryUnitWords": each unit's distinct source words (letters and apostrophes only, lower case,
--    ’ and ʼ written as '), one row a word and unit, kept by the statement triggers below: where
--    match candidates come from, rarest words first (counted on its primary key);
--  - "MemoryUnit_source_trgm", "MemoryUnit_target_trgm": pg_trgm GIN indexes of the lower-cased
--    source and target: concordance, a phrase found anywhere, even inside a word (LIKE '%…%').
-- Prisma models none of this: the words table is an external table (lib/db/migrations-dir.ts) and
-- the engine leaves expression indexes alone. A unit's words go with it (ON DELETE CASCADE); a new
-- target needs nothing (the GIN index follows the row). lib/tm/pg-index.test.ts fails when anything
-- here is missing. The cluster must have a UTF-8 LC_CTYPE, or lower() and pg_trgm skip Cyrillic.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateFunction
-- The words the index keeps of a text: the same tokens as lib/tm/tokens.ts (letters, digits and marks,
-- apostrophes inside), of which the letters-only ones (indexWords).
CREATE FUNCTION "memory_words"(text TEXT) RETURNS SETOF TEXT LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT DISTINCT translate(lower(m[1]), '’ʼ', '''''')
    FROM regexp_matches(text, '([[:alnum:]]+(?:[''’ʼ][[:alnum:]]+)*)', 'g') AS m
   WHERE m[1] ~ '^[[:alpha:]''’ʼ]+$'
$$;

-- CreateTable
CREATE TABLE "MemoryUnitWords" (
    "word" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "MemoryUnitWords_pkey" PRIMARY KEY ("word", "unitId"),
    CONSTRAINT "MemoryUnitWords_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "MemoryUnit"("id") ON DELETE CASCADE
);

-- CreateIndex
-- For the cascade from "MemoryUnit" and a unit's words on a source change.
CREATE INDEX "MemoryUnitWords_unitId_idx" ON "MemoryUnitWords"("unitId");

-- CreateIndex
CREATE INDEX "MemoryUnit_source_trgm" ON "MemoryUnit" USING gin (lower("source") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "MemoryUnit_target_trgm" ON "MemoryUnit" USING gin (lower("target") gin_trgm_ops);

-- CreateFunction
CREATE FUNCTION "MemoryUnit_words_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MemoryUnitWords" ("word", "unitId")
  SELECT w, n."id" FROM new_units n CROSS JOIN LATERAL "memory_words"(n."source") AS w;
  RETURN NULL;
END;
$$;

-- CreateFunction
-- A new translation of the same source (the usual update) leaves the words alone.
CREATE FUNCTION "MemoryUnit_words_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "MemoryUnitWords" w USING new_units n, old_units o
   WHERE w."unitId" = n."id" AND o."id" = n."id" AND n."source" IS DISTINCT FROM o."source";
  INSERT INTO "MemoryUnitWords" ("word", "unitId")
  SELECT w, n."id" FROM new_units n JOIN old_units o ON o."id" = n."id"
   CROSS JOIN LATERAL "memory_words"(n."source") AS w
   WHERE n."source" IS DISTINCT FROM o."source";
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "MemoryUnit_fts_after_insert" AFTER INSERT ON "MemoryUnit"
REFERENCING NEW TABLE AS new_units
FOR EACH STATEMENT EXECUTE FUNCTION "MemoryUnit_words_insert"();

-- CreateTrigger
CREATE TRIGGER "MemoryUnit_fts_after_update_source" AFTER UPDATE ON "MemoryUnit"
REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
FOR EACH STATEMENT EXECUTE FUNCTION "MemoryUnit_words_update"();
