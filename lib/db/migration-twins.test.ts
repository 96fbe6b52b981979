// The twins' writer reads SQLite's schema back by introspection; the memory's FTS5 tables come back
// as models of untyped columns, which PostgreSQL's diff would turn into tables it cannot create.
import { describe, expect, it } from "vitest";
import { handWrittenStatements, withoutExternalModels } from "./migration-twins";

const introspected = `datasource db {
  provider = "sqlite"
}

model MemoryUnitWords {
  words Unsupported("")?

  @@ignore
}

model MemoryUnitWords_config {
  k Unsupported("") @id
  v Unsupported("")?
}

model Note {
  id   String @id
  text String
}

model WordsOfMemory {
  id String @id

  @@map("MemoryUnitTargetTextVocab")
}
`;

describe("the PostgreSQL twin's schema", () => {
  it("leaves out SQLite's external tables, by model name or mapped name, and keeps the rest", () => {
    const schema = withoutExternalModels(introspected);
    expect(schema).not.toContain("MemoryUnitWords");
    expect(schema).not.toContain("MemoryUnitTargetTextVocab");
    expect(schema).toContain("model Note {\n  id   String @id\n  text String\n}");
    expect(schema).toContain('provider = "sqlite"');
  });

  it("flags the statements Prisma does not write (a trigger), not its own", () => {
    const script = `CREATE TABLE "A" ("id" TEXT);\nCREATE TRIGGER "t" AFTER UPDATE OF "status" ON "A"\nBEGIN\n  DELETE FROM "B";\nEND;\n`;
    expect(handWrittenStatements(script)).toEqual(['CREATE TRIGGER "t" AFTER UPDATE OF "status" ON "A"']);
  });
});
