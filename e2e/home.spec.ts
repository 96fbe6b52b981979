import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const lines = readFileSync("prisma/seed/civil-service-kz.uk.txt", "utf8").split("\n");

test("home lists the demo project and its document with its paragraph count", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  const project = page.getByRole("region", { name: "Civil service reform (demo)" });
  await expect(project).toBeVisible();
  const row = project.getByRole("row", { name: /Civil service reform in Kazakhstan/ });
  await expect(row.getByRole("cell").nth(1)).toHaveText("11");
  await expect(project).toContainText("Ukrainian → English, Kazakh");
});

test("the document page shows all 11 paragraphs in order with the exact text", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Civil service reform in Kazakhstan" }).click();
  const segments = page.getByTestId("segment");
  await expect(segments).toHaveCount(11);
  await expect(segments.first().getByTestId("source")).toHaveText(lines[0]);
  await expect(segments.last().getByTestId("source")).toHaveText(lines[10]);
  const positions = await segments.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-position"))));
  expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  // List items keep their text without the "- " marker.
  await expect(segments.nth(5).getByTestId("source")).toHaveText(lines[5].slice(2));
  await expect(page.getByRole("columnheader", { name: "Translation (English)" })).toBeVisible();
  await expect(segments.first().getByRole("textbox")).toHaveAttribute("lang", "en");
});

test("the target language is chosen with ?target= and defaults to English", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Civil service reform in Kazakhstan" }).click();
  // The choice of languages is a menu in the editor's header.
  await page.getByRole("button", { name: "Target language: English" }).click();
  await page.getByRole("menuitemradio", { name: "Kazakh" }).click();
  await expect(page).toHaveURL(/target=kk/);
  await expect(page.getByRole("columnheader", { name: "Translation (Kazakh)" })).toBeVisible();
  await expect(page.getByTestId("segment").first().getByRole("textbox")).toHaveAttribute("lang", "kk");
});

test("an unknown document is a 404 page", async ({ page }) => {
  const response = await page.goto("/en/documents/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
