// The import page while the server's import slots are taken: once uploaded, the page asks where its
// import is (GET /api/v1/imports/{ticket}) and shows its place in line, then the report. Taking both
// slots for real would need two imports of a minute each on this machine, so here the browser
// answers the place in line itself while the server imports a file big enough to take a few
// seconds; the server side of the line is tested in lib/exchange/import/slots.test.ts.
import { expect, test } from "@playwright/test";

test("an import waiting for a free slot shows its place in line, then its report", async ({ page }) => {
  const tickets: string[] = [];
  await page.route("**/api/v1/imports/*", (route) => {
    tickets.push(new URL(route.request().url()).pathname.split("/").pop()!);
    return route.fulfill({ json: { ticket: tickets.at(-1), state: "waiting", position: 2 } });
  });

  await page.goto("/en");
  await page.getByRole("link", { name: "Import a file" }).first().click();
  await page.getByLabel("File").setInputFiles({
    name: "queued.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(
      Array.from({ length: 12_000 }, (_, i) => `Абзац ${i + 1}, що чекав у черзі «реформи» [52, с. 5].\n`).join(""),
    ),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Waiting for a free import slot: number 2 in line. The server imports two files at a time.",
  );
  // The page asks with the ticket it sent along with the file.
  expect(tickets[0]).toMatch(/^[0-9a-f]{32}$/);

  await expect(page.getByText("Import finished.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Paragraphs: 12000")).toBeVisible();
});
