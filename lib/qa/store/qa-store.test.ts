// The quality checks through their routes on a real database: the demo project with its glossary,
// the hand-made translations of tests/fixtures/qa-demo.ts saved into it, then slips introduced the
// way a translator makes them. Settings, ignore marks, the document report and its CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnglish } from "../../../tests/fixtures/qa-demo";
import { call, createWorld, type World } from "../../../tests/world";

let world: World;
let routes: Record<string, unknown>;
const EN = { "accept-language": "en" };

beforeAll(async () => {
  world = await createWorld();
  routes = {
    check: (await import("../../../app/api/v1/qa/check/route")).POST,
    report: (await import("../../../app/api/v1/documents/[id]/qa/route")).GET,
    ignores: await import("../../../app/api/v1/segments/[segmentId]/translations/[lang]/qa/ignores/route"),
    unignore: (await import("../../../app/api/v1/qa/ignores/[id]/route")).DELETE,
    settings: await import("../../../app/api/v1/projects/[id]/qa-settings/route"),
    dictionary: (await import("../../../app/api/v1/projects/[id]/qa-settings/dictionary/route")).POST,
  };
  // The demo document's segments are in position order; demoEnglish is keyed by their index.
  for (const [i, text] of Object.entries(demoEnglish)) await save(Number(i), text, "translated");
});
afterAll(() => world.cleanup());

async function save(index: number, text: string, status = "draft", lang = "en") {
  const segment = world.segments[index];
  await world.db.translation.upsert({
    where: { segmentId_lang: { segmentId: segment.id, lang } },
    create: { segmentId: segment.id, documentId: world.document.id, lang, text, status, version: 1 },
    update: { text, status, version: { increment: 1 } },
  });
}

const owner = () => world.tokens.owner;

function check(index: number, target: string, extra: Record<string, unknown> = {}) {
  const segment = world.segments[index];
  return call(routes.check, "/api/v1/qa/check", {
    method: "POST",
    token: owner(),
    headers: EN,
    body: {
      source: segment.source,
      target,
      sourceLang: "uk",
      targetLang: "en",
      projectId: world.project.id,
      segmentId: segment.id,
      ...extra,
    },
  });
}

function report(query = "target=en", token = owner()) {
  return call(routes.report, `/api/v1/documents/${world.document.id}/qa?${query}`, {
    token,
    headers: EN,
    params: { id: world.document.id },
  });
}

/** A route's raw answer (a file, not JSON). */
async function download(url: string) {
  const handler = routes.report as (req: Request, ctx: { params: Promise<object> }) => Promise<Response>;
  const req = new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${owner()}`, ...EN } });
  const res = await handler(req, { params: Promise.resolve({ id: world.document.id }) });
  // ignoreBOM keeps the byte-order mark a spreadsheet needs, so the test sees it.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text };
}

function putSettings(body: unknown) {
  const { PUT } = routes.settings as { PUT: unknown };
  return call(PUT, `/api/v1/projects/${world.project.id}/qa-settings`, {
    method: "PUT",
    token: owner(),
    headers: EN,
    params: { id: world.project.id },
    body,
  });
}

const withoutCitation = demoEnglish[1].replace(" [53]", "");

describe("POST /api/v1/qa/check", () => {
  it("a correct translation has no findings; without [53] the citation is missing, with a fix", async () => {
    expect((await check(1, demoEnglish[1])).json.findings).toEqual([]);
    const res = await check(1, withoutCitation);
    expect(res.status).toBe(200);
    const [f] = res.json.findings;
    expect(f).toMatchObject({
      check: "citations",
      severity: "error",
      message: "The citation [53] from the source is missing.",
      ignored: false,
      span: { side: "source" },
      fix: { label: "Insert [53]" },
    });
    expect(world.segments[1].source.slice(f.span.start, f.span.end)).toBe("[53]");
  });

  it("uses the project's glossary: a forbidden term, in an inflected form", async () => {
    const target = demoEnglish[8].replace("field of civil service", "field of state services");
    const found = (await check(8, target)).json.findings.map((f: { check: string; params: object }) => [
      f.check,
      f.params,
    ]);
    expect(found).toContainEqual(["forbidden-term", { term: "state services", preferred: "civil service" }]);
  });

  it("refuses a segment of another project as not found, and bad input with the field", async () => {
    const other = await world.db.project.create({ data: { name: "Other", sourceLang: "uk" } });
    const res = await check(1, "x", { projectId: other.id });
    expect(res.status).toBe(404);
    const bad = await check(1, "x".repeat(20_001));
    expect([bad.status, bad.json.error.details]).toEqual([400, { field: "target", reason: "too_long" }]);
  });
});

describe("ignore marks", () => {
  it("an ignored finding says so, with the reason, in the check and the report; unignore keeps the history", async () => {
    const segment = world.segments[1];
    const { GET, POST } = routes.ignores as { GET: unknown; POST: unknown };
    const url = `/api/v1/segments/${segment.id}/translations/en/qa/ignores`;
    const params = { segmentId: segment.id, lang: "en" };
    const finding = (await check(1, withoutCitation)).json.findings[0];
    const body = { key: finding.key, check: finding.check, messageKey: finding.messageKey, params: finding.params };

    const refused = await call(POST, url, { method: "POST", token: owner(), params, body: { ...body, reason: "  " } });
    expect([refused.status, refused.json.error.details.reason]).toEqual([400, "ignore_reason_required"]);
    const ignored = await call(POST, url, {
      method: "POST",
      token: world.tokens.reviewer,
      params,
      body: { ...body, reason: "The reference moved to the next paragraph." },
    });
    expect(ignored.status).toBe(201);
    const again = await call(POST, url, {
      method: "POST",
      token: owner(),
      headers: EN,
      params,
      body: { ...body, reason: "Twice" },
    });
    expect([again.status, again.json.error.message]).toEqual([409, "This finding is ignored already."]);

    // The key does not depend on offsets: still ignored after an edit elsewhere in the text.
    const edited = (await check(1, `Indeed, ${withoutCitation}`)).json.findings[0];
    expect(edited).toMatchObject({
      ignored: true,
      ignore: { reason: "The reference moved to the next paragraph.", by: { name: "A reviewer" } },
    });
    await save(1, withoutCitation);
    const inReport = (await report("target=en&check=citations")).json.findings;
    expect(inReport.map((f: { position: number; ignored: boolean }) => [f.position, f.ignored])).toEqual([
      [segment.position, true],
    ]);
    expect((await report("target=en&check=citations&ignored=exclude")).json.findings).toEqual([]);

    const taken = await call(routes.unignore, `/api/v1/qa/ignores/${ignored.json.ignore.id}`, {
      method: "DELETE",
      token: world.tokens.translator,
      params: { id: ignored.json.ignore.id },
    });
    expect(taken.status).toBe(200);
    expect((await check(1, withoutCitation)).json.findings[0].ignored).toBe(false);
    const history = await call(GET, url, { token: world.tokens.viewer, params });
    expect(history.json.ignores).toEqual([
      expect.objectContaining({
        reason: "The reference moved to the next paragraph.",
        messageKey: "qa.citations.missing",
        params: { citation: "[53]" },
        by: expect.objectContaining({ name: "A reviewer" }),
        unignoredBy: expect.objectContaining({ name: "A translator" }),
      }),
    ]);
    await save(1, demoEnglish[1], "translated");
  });

  // Found by issue 18's race mix: the editor offers "ignore" on every finding, and these two were refused.
  it("ignores a finding whose key is its check's code alone (same as source, untranslated); refuses another check's key", async () => {
    const segment = world.segments[2];
    const { POST } = routes.ignores as { POST: unknown };
    const url = `/api/v1/segments/${segment.id}/translations/en/qa/ignores`;
    const params = { segmentId: segment.id, lang: "en" };
    const findings = (await check(2, segment.source)).json.findings as { key: string; check: string }[];
    const same = findings.find((f) => f.check === "same-as-source");
    expect(same?.key).toBe("same-as-source");
    const ignore = (body: Record<string, unknown>) =>
      call(POST, url, { method: "POST", token: world.tokens.translator, params, body: { reason: "A name", ...body } });
    const base = { check: "same-as-source", messageKey: "qa.same-as-source.equal" };
    const forged = await ignore({ ...base, key: "numbers:missing:5" });
    expect([forged.status, forged.json.error.details.reason]).toEqual([400, "key_not_of_check"]);
    expect((await ignore({ ...base, key: "same-as-sourcery" })).status).toBe(400);
    const ignored = await ignore({ ...base, key: same?.key });
    expect(ignored.status).toBe(201);
    expect(
      (await check(2, segment.source)).json.findings.find((f: { check: string }) => f.check === "same-as-source"),
    ).toMatchObject({ ignored: true });
    const untranslated = await ignore({
      key: "untranslated",
      check: "untranslated",
      messageKey: "qa.untranslated.empty",
    });
    expect(untranslated.status).toBe(201);
    // Taken back: the tests below count the document's marks.
    for (const id of [ignored.json.ignore.id, untranslated.json.ignore.id]) {
      const taken = await call(routes.unignore, `/api/v1/qa/ignores/${id}`, {
        method: "DELETE",
        token: owner(),
        params: { id },
      });
      expect(taken.status).toBe(200);
    }
  });
});

describe("GET /api/v1/documents/{id}/qa", () => {
  it("lists every finding in paragraph order with positions, messages and counts; filters; CSV", async () => {
    await save(4, "The main tasks of the Regional Hub are defined as follows:  ");
    await save(5, "analysis of current  civil service reforms in the countries of the region;");
    const res = await report();
    expect(res.status).toBe(200);
    const mine = res.json.findings.filter((f: { position: number }) => [5, 6].includes(f.position));
    expect(mine.map((f: { position: number; check: string }) => [f.position, f.check])).toEqual([
      [5, "edge-space"],
      [6, "double-space"],
    ]);
    expect(mine[1]).toMatchObject({ severity: "info", message: "Two spaces in a row.", excerpt: { text: "  " } });
    // Paragraphs never translated are reported as such.
    expect(res.json.summary).toContainEqual({ check: "untranslated", severity: "error", open: 3, ignored: 0 });

    const infos = (await report("target=en&severity=info")).json.findings;
    expect(infos.every((f: { severity: string }) => f.severity === "info")).toBe(true);
    const bad = await report("target=en&check=nonsense");
    expect([bad.status, bad.json.error.details]).toEqual([400, { field: "check", reason: "unknown_value" }]);
    expect((await report("target=de")).status).toBe(400);

    const csv = await download(`/api/v1/documents/${world.document.id}/qa?target=en&format=csv&check=double-space`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain("qa-Civil-service-reform-in-Kazakhstan-en.csv");
    const lines = csv.text.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFParagraph,Check,Severity,Message,Side,Marked text,In context,Ignored,Reason,Ignored by,Ignored at",
    );
    expect(lines[1]).toBe(
      "6,Double spaces,Note,Two spaces in a row.,Translation,  ,analysis of current[  ]civil service reforms in the countries o,no,,,",
    );
  });

  it("follows edits and settings (nothing stale from the remembered findings)", async () => {
    await save(5, "analysis of current civil service reforms in the countries of the region;");
    const after = (await report("target=en&check=double-space")).json.findings;
    expect(after).toEqual([]);
    expect((await putSettings({ muted: ["edge-space"] })).status).toBe(200);
    expect((await report("target=en&check=edge-space")).json.findings).toEqual([]);
    expect((await putSettings({})).status).toBe(200);
    expect((await report("target=en&check=edge-space")).json.findings).toHaveLength(1);
  });
});

describe("project QA settings", () => {
  it("stores what the owner set, fills in the defaults, records who changed it", async () => {
    const res = await putSettings({
      severity: { quotes: "error" },
      quotes: { en: { primary: ["«", "»"], secondary: ["‹", "›"] } },
      citations: { patterns: ["\\(\\p{Lu}\\pL+, \\d{4}\\)"] },
    });
    expect(res.status).toBe(200);
    const { GET } = routes.settings as { GET: unknown };
    const read = await call(GET, `/api/v1/projects/${world.project.id}/qa-settings`, {
      token: world.tokens.viewer,
      params: { id: world.project.id },
    });
    expect(read.json.settings.severity).toEqual({ quotes: "error" });
    expect(read.json.effective.severity).toMatchObject({ quotes: "error", numbers: "error", "double-space": "info" });
    expect(read.json.version).toBeGreaterThan(0);
    // The English translation's “…” is now the wrong style, and an error.
    const quotes = (await check(1, demoEnglish[1])).json.findings.find((f: { check: string }) => f.check === "quotes");
    expect(quotes).toMatchObject({ severity: "error", fix: { label: "Use «…»" } });
    const audit = await world.db.auditEvent.findFirst({
      where: { action: "qa.settings" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.actorId).toBe(world.users.owner.id);
    await putSettings({});
  });

  it("refuses a citation pattern RE2 cannot compile, with RE2's message", async () => {
    const res = await putSettings({ citations: { patterns: ["(\\d+"] } });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toMatchObject({ field: "citations.patterns.0", reason: "invalid_pattern" });
    expect(res.json.error.message).toContain("Not a valid citation pattern");
  });

  it("adds a word to the project's dictionary once, and spelling accepts it with endings", async () => {
    const target = "The akimats of the regions.";
    const before = (await check(5, target)).json.findings.filter((f: { check: string }) => f.check === "spelling");
    expect(before.map((f: { params: { word: string } }) => f.params.word)).toEqual(["akimats"]);
    const add = () =>
      call(routes.dictionary, `/api/v1/projects/${world.project.id}/qa-settings/dictionary`, {
        method: "POST",
        token: owner(),
        params: { id: world.project.id },
        body: { lang: "en", word: "akimat" },
      });
    expect((await add()).json.settings.dictionary).toEqual({ en: ["akimat"] });
    expect((await add()).json.settings.dictionary).toEqual({ en: ["akimat"] });
    const after = (await check(5, target)).json.findings.filter((f: { check: string }) => f.check === "spelling");
    expect(after).toEqual([]);
    await putSettings({});
  });
});

describe("export: only paragraphs without QA errors", () => {
  it("leaves out translations with open errors, keeps ignored ones and warnings", async () => {
    const { exportDocument } = await import("../../exchange/export");
    const tmx = async () => {
      const result = await exportDocument(world.db, world.document.id, {
        format: "tmx",
        targets: ["en"],
        approvedOnly: false,
        includeNotes: false,
        withoutQaErrors: true,
      });
      let text = "";
      for await (const chunk of result.body) text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
      return [...text.matchAll(/<tu tuid="(\d+)"/g)].map((m) => Number(m[1]));
    };
    const all = Object.keys(demoEnglish).map((i) => world.segments[Number(i)].position);
    expect(await tmx()).toEqual(all);
    await save(1, withoutCitation);
    const withoutSecond = all.filter((p) => p !== world.segments[1].position);
    expect(await tmx()).toEqual(withoutSecond);
    const { ignoreFinding } = await import("./ignores");
    const [finding] = (await check(1, withoutCitation)).json.findings;
    await ignoreFinding(world.db, world.actor("owner"), world.segments[1].id, "en", {
      key: finding.key,
      check: finding.check,
      messageKey: finding.messageKey,
      reason: "The reference is given in the next paragraph.",
    });
    expect(await tmx()).toEqual(all);
    await world.db.qaIgnore.deleteMany({});
    await save(1, demoEnglish[1], "translated");
  });
});
