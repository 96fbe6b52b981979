// Notes anchored in a translation follow their words through real saves on a real database, and every
// export carries the anchors where the words are now (or no anchor once they are gone).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBytes, request } from "../../tests/fixtures/export-world";
import { createWorld, type World } from "../../tests/world";
import { parseFile } from "../exchange/import/parse-file";
import type { ExchangeNote } from "../exchange/types";
import { saveTranslation } from "../translations/save";
import { createNote, listSegmentNotes } from "./notes";

let world: World;

const INSIDE = "The Agency for Civil Service Affairs opened a hub.";
const INSIDE_EDITED = "The Agency for State Civil Service Affairs opened a hub.";
const FIRST = "The civil service of Kazakhstan and the civil service of Ukraine.";
const FIRST_FIXED = "The public service of Kazakhstan and the civil service of Ukraine.";
const GONE = "Main tasks of the Regional Hub.";
const GONE_EDITED = "Main tasks of the centre.";

async function save(index: number, text: string) {
  const segmentId = world.segments[index].id;
  const current = await world.db.translation.findUniqueOrThrow({
    where: { segmentId_lang: { segmentId, lang: "en" } },
  });
  await saveTranslation(world.db, world.actor("translator"), {
    segmentId,
    lang: "en",
    text,
    status: "translated",
    baseVersion: current.version,
  });
}
async function noteOn(index: number, text: string, words: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  const note = await createNote(world.db, world.actor("reviewer"), world.segments[index].id, {
    body: `About «${words}»`,
    lang: "en",
    anchor: { side: "target", start, end: start + words.length },
  });
  return note.id;
}

let ids: { inside: string; first: string; gone: string };

beforeAll(async () => {
  world = await createWorld();
  await save(0, INSIDE);
  await save(1, FIRST);
  await save(2, GONE);
  ids = {
    inside: await noteOn(0, INSIDE, "Agency for Civil Service Affairs"),
    first: await noteOn(1, FIRST, "civil service"),
    gone: await noteOn(2, GONE, "Regional Hub"),
  };
  await save(0, INSIDE_EDITED);
  await save(1, FIRST_FIXED);
  await save(2, GONE_EDITED);
});
afterAll(() => world.cleanup());

describe("anchored notes through saves", () => {
  it("keep context and follow an edit inside the span; fixing the first occurrence keeps the note there", async () => {
    const inside = await world.db.note.findUniqueOrThrow({ where: { id: ids.inside } });
    expect(inside).toMatchObject({
      anchorText: "Agency for State Civil Service Affairs",
      anchorStart: 4,
      anchorEnd: 42,
      anchorPrefix: "The ",
      anchorSuffix: " opened a hub.",
      anchorLost: false,
    });
    const first = await world.db.note.findUniqueOrThrow({ where: { id: ids.first } });
    expect(first).toMatchObject({ anchorText: "public service", anchorStart: 4, anchorEnd: 18, anchorLost: false });
  });

  it("say 'text changed' when the words are gone, and find them again when they come back", async () => {
    const [thread] = await listSegmentNotes(world.db, world.actor("viewer"), world.segments[2].id);
    expect(thread.anchor).toMatchObject({ text: "Regional Hub", lost: true });
    await save(2, GONE);
    const [back] = await listSegmentNotes(world.db, world.actor("viewer"), world.segments[2].id);
    expect(back.anchor).toMatchObject({ text: "Regional Hub", start: 18, end: 30, lost: false });
    await save(2, GONE_EDITED);
  });
});

describe("exports keep the anchors where the words are now", () => {
  const texts = [INSIDE_EDITED, FIRST_FIXED];
  for (const format of ["tmx", "xliff12", "xliff20", "csv"] as const) {
    it(format, async () => {
      const { bytes, filename } = await exportBytes(world, request(format, { targets: ["en"] }));
      const parsed = await parseFile(filename, bytes);
      const noteOf = (position: number): ExchangeNote => {
        const unit = parsed.units.find((u) => u.position === position)!;
        return unit.notes.find((n) => n.body.startsWith("About"))!;
      };
      for (const [i, text] of texts.entries()) {
        const { anchor } = noteOf(world.segments[i].position);
        expect(anchor && text.slice(anchor.start, anchor.end)).toBe(anchor?.text);
      }
      expect(noteOf(world.segments[0].position).anchor?.text).toBe("Agency for State Civil Service Affairs");
      expect(noteOf(world.segments[1].position).anchor?.text).toBe("public service");
      // Gone: the note is on the paragraph, not on whatever stands at the old offsets now.
      expect(noteOf(world.segments[2].position).anchor).toBeNull();
    });
  }

  it("docx quotes the words the note is on now", async () => {
    const { bytes } = await exportBytes(world, request("docx", { targets: ["en"] }));
    const yauzl = (await import("yauzl")).default;
    const xml = await new Promise<string>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
        if (error) return reject(error);
        zip.on("entry", (entry: import("yauzl").Entry) => {
          if (entry.fileName !== "word/document.xml") return zip.readEntry();
          zip.openReadStream(entry, (err, stream) => {
            if (err) return reject(err);
            const parts: Buffer[] = [];
            stream.on("data", (p: Buffer) => parts.push(p));
            stream.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
          });
        });
        zip.readEntry();
      }),
    );
    expect(xml).toContain("[English] A reviewer «Agency for State Civil Service Affairs»: About «Agency for Civil");
    expect(xml).toContain("[English] A reviewer «public service»: About «civil service»");
    expect(xml).toContain("[English] A reviewer: About «Regional Hub»");
  });
});
