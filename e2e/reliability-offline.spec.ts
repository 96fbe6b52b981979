// Issue 18, offline client: the server is out of reach (its API routes blocked) for OFFLINE_MS — 6 s
// in CI, a real minute in the soak — while a translator types in several paragraphs, one of them
// twice; meanwhile someone else saves one of those paragraphs. When the server is back, every edit
// arrives (the last text of each paragraph, in the order typed: its history shows it), and the
// paragraph changed meanwhile goes to the conflict view with both texts.

import { expect, test } from "@playwright/test";
import { size } from "../tests/reliability/config";
import { recordResult } from "../tests/reliability/report";
import { removeDocuments } from "./review-data";

const OFFLINE_MS = size("OFFLINE_MS", 6_000, 60_000);
const made: string[] = [];
test.afterAll(() => removeDocuments(made));

test(`the browser loses the server for ${OFFLINE_MS / 1000} s while typing: everything arrives, the clash goes to the conflict view`, async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(OFFLINE_MS + 90_000);
  const origin = { origin: baseURL as string };
  const projectId = (await (await request.get("/api/v1/documents")).json()).documents[0].projectId as string;
  const lines = ["Перший абзац офлайн.", "Другий абзац офлайн.", "Третій абзац офлайн.", "Четвертий абзац офлайн."];
  const imported = await request.post(`/api/v1/projects/${projectId}/documents`, {
    headers: origin,
    multipart: {
      title: "Offline typing",
      file: { name: "offline.txt", mimeType: "text/plain", buffer: Buffer.from(lines.join("\n")) },
    },
  });
  expect(imported.status()).toBe(201);
  const documentId = (await imported.json()).documentId as string;
  made.push(documentId);
  const segments = (await (await request.get(`/api/v1/documents/${documentId}/segments`)).json()).segments as {
    id: string;
  }[];

  await page.goto(`/en/documents/${documentId}`);
  const box = (n: number) => page.getByRole("textbox", { name: `Translation of paragraph ${n} into English` });
  const row = (n: number) => page.locator(`[data-testid="segment"][data-position="${n}"]`);
  await expect(box(1)).toBeVisible();

  await page.route("**/api/v1/**", (route) => route.abort("internetdisconnected"));
  const started = Date.now();
  await box(1).fill("First, typed offline");
  await box(2).fill("Second, first try");
  await box(3).fill("Third, mine");
  await box(4).fill("Fourth, typed offline");
  await box(2).fill("Second, typed again");
  await expect(page.getByTestId("offline-banner")).toContainText("edits waiting");
  // Someone else, elsewhere, saves paragraph 3 meanwhile.
  const theirs = await request.put(`/api/v1/segments/${segments[2].id}/translations/en`, {
    headers: origin,
    data: { text: "Third, theirs", baseVersion: 0 },
  });
  expect(theirs.status()).toBe(200);
  await page.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - started)));
  await page.unroute("**/api/v1/**");

  for (const n of [1, 2, 4]) await expect(row(n).getByTestId("save-state")).toHaveText("Saved", { timeout: 20_000 });
  await expect(row(3).getByTestId("save-state")).toHaveText("Conflict");
  await expect(row(3).getByTestId("conflict-theirs")).toHaveText("Third, theirs");
  await expect(row(3).getByTestId("conflict-mine")).toHaveText("Third, mine");

  const texts = async (i: number) =>
    (
      (await (await request.get(`/api/v1/segments/${segments[i].id}/translations/en/revisions`)).json()).revisions as {
        text: string;
      }[]
    ).map((r) => r.text);
  expect((await texts(0))[0]).toBe("First, typed offline");
  // Paragraph 2: its newest version is the text typed last; nothing older came after it.
  expect((await texts(1))[0]).toBe("Second, typed again");
  expect(await texts(2)).toEqual(["Third, theirs"]);
  expect((await texts(3))[0]).toBe("Fourth, typed offline");
  recordResult({
    property: "Offline client: edits typed while the server is unreachable arrive; a clash goes to the conflict view",
    test: "e2e/reliability-offline.spec.ts",
    figures: { offlineSeconds: OFFLINE_MS / 1000, paragraphs: 4, arrived: 3, conflicts: 1, lost: 0 },
  });
});
