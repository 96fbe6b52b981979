// Documents of their own for the review, export and accessibility specs, set up through the real API
// as the signed-in page (its cookies; writes carry the page's Origin like the browser's own would).
import { expect, type Page } from "@playwright/test";

const origin = (page: Page) => new URL(page.url()).origin;

export async function projectId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/documents");
  expect(res.status()).toBe(200);
  const { documents } = await res.json();
  return documents[0].projectId as string;
}

/** A new document from plain text (one paragraph a line); its id and its paragraphs' ids in order. */
export async function importText(page: Page, title: string, lines: string[]) {
  if (page.url() === "about:blank") await page.goto("/en");
  const project = await projectId(page);
  const res = await page.request.post(`/api/v1/projects/${project}/documents`, {
    headers: { origin: origin(page) },
    multipart: {
      file: { name: `${title}.txt`, mimeType: "text/plain", buffer: Buffer.from(`${lines.join("\n")}\n`) },
      title,
    },
  });
  expect(res.status()).toBe(201);
  const { documentId } = await res.json();
  const segments = await page.request.get(`/api/v1/documents/${documentId}/segments?target=en`);
  const ids = (await segments.json()).segments.map((s: { id: string }) => s.id) as string[];
  return { documentId: documentId as string, segmentIds: ids };
}

async function version(page: Page, segmentId: string, lang: string): Promise<number> {
  const res = await page.request.get(`/api/v1/segments/${segmentId}/translations/${lang}/revisions`);
  const { revisions } = await res.json();
  return revisions[0]?.version ?? 0;
}

export async function saveAs(page: Page, segmentId: string, text: string, status?: string, lang = "en") {
  const res = await page.request.put(`/api/v1/segments/${segmentId}/translations/${lang}`, {
    headers: { origin: origin(page) },
    data: { text, baseVersion: await version(page, segmentId, lang), ...(status ? { status } : {}) },
  });
  expect(res.status(), await res.text()).toBe(200);
}

export async function addNote(page: Page, segmentId: string, body: Record<string, unknown>) {
  const res = await page.request.post(`/api/v1/segments/${segmentId}/notes`, {
    headers: { origin: origin(page) },
    data: body,
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).note as { id: string };
}

export async function decide(page: Page, segmentId: string, decision: string, note?: string, lang = "en") {
  const res = await page.request.post(`/api/v1/segments/${segmentId}/translations/${lang}/decision`, {
    headers: { origin: origin(page) },
    data: { decision, ...(note ? { note } : {}) },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * Removes documents a spec made, so the specs after it find the project as they expect it (one
 * document on the home page). No route deletes documents yet: straight in the e2e server's database,
 * whose foreign keys remove the paragraphs, translations and notes with it.
 */
export async function removeDocuments(ids: string[]) {
  if (ids.length === 0) return;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(".e2e/parallel.db", { timeout: 10_000 });
  try {
    db.pragma("foreign_keys = ON");
    const remove = db.prepare('DELETE FROM "Document" WHERE "id" = ?');
    db.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  } finally {
    db.close();
  }
}
