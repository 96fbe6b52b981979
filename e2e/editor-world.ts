// For the editor specs: each makes its own document (imported with the command line, as an
// administrator would) and its own people, so no spec depends on what another typed into the demo.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, expect, type Page } from "@playwright/test";
import { anonymousPage, parallelCli, signIn } from "./helpers";
import { removeDocuments } from "./review-data";

export const DEMO_PROJECT = "Civil service reform (demo)";
const PASSWORD = "editor-spec-pass-1";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

const imported: string[] = [];

/**
 * A new document of the demo project with these paragraphs (one a line); its id. Each spec that
 * makes some removes them afterwards (`test.afterAll(removeImported)`): the home page lists a
 * project's first documents only, and later specs open theirs from it.
 */
export function importDocument(title: string, paragraphs: string[]): string {
  const file = path.join(os.tmpdir(), `parallel-e2e-${unique()}.txt`);
  writeFileSync(file, `${paragraphs.join("\n")}\n`);
  const out = parallelCli(["import", file, "--project", DEMO_PROJECT, "--title", title]);
  const id = out.match(/new document \(id ([^)]+)\)/)?.[1];
  if (!id) throw new Error(`import said: ${out}`);
  imported.push(id);
  return id;
}

/** Removes the documents this file's specs imported. */
export async function removeImported() {
  await removeDocuments(imported.splice(0));
}

/** A new account with `role` in the demo project, signed in in a browser context of its own. */
export async function person(browser: Browser, role: "translator" | "reviewer" | "viewer" | "owner", name: string) {
  const email = `${role}-${unique()}@parallel.test`;
  parallelCli(["user", "add", "--email", email, "--name", name, "--role", "user"], PASSWORD);
  parallelCli(["member", "add", "--project", DEMO_PROJECT, "--email", email, "--role", role]);
  const { context, page } = await anonymousPage(browser);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  return { context, page, email, name };
}

export async function openEditor(page: Page, documentId: string, query = "") {
  await page.goto(`/en/documents/${documentId}${query}`);
  await expect(page.getByTestId("segment").first()).toBeVisible();
}

export const row = (page: Page, position: number) =>
  page.locator(`[data-testid="segment"][data-position="${position}"]`);
export const box = (page: Page, position: number, lang = "English") =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into ${lang}` });

/** The API as the page's signed-in person calls it (same-site: the Origin header of this site). */
export async function api(page: Page, method: string, url: string, data?: unknown) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.fetch(url, { method, data, headers: { Origin: origin } });
  return { status: res.status(), json: await res.json().catch(() => null) };
}

/** Segment ids and English versions of a document, in order. */
export async function segmentsOf(page: Page, documentId: string, lang = "en") {
  const { json } = await api(page, "GET", `/api/v1/documents/${documentId}/segments?target=${lang}`);
  return json.segments as {
    id: string;
    position: number;
    translation: { text: string; status: string; version: number };
  }[];
}

/** Saves a translation through the API, with a status when given. */
export async function save(page: Page, segmentId: string, text: string, status?: string, lang = "en") {
  const url = `/api/v1/segments/${segmentId}/translations/${lang}`;
  const seg = await api(page, "GET", `${url}/revisions`);
  const baseVersion = (seg.json.revisions[0]?.version as number | undefined) ?? 0;
  const res = await api(page, "PUT", url, { text, status, baseVersion });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.translation;
}
