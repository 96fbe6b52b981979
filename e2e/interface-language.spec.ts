import { expect, test } from "@playwright/test";

test("switching the interface to Kazakh and English changes every string and <html lang>", async ({ page }) => {
  await page.goto("/uk");
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("heading", { name: "Проєкти" })).toBeVisible();

  await page.getByRole("navigation", { name: "Мова інтерфейсу" }).getByRole("link", { name: "Қазақша" }).click();
  await expect(page).toHaveURL(/\/kk$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { name: "Жобалар" })).toBeVisible();

  await page.getByRole("navigation", { name: "Интерфейс тілі" }).getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
});

test("the switcher keeps the page and the target language", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Civil service reform in Kazakhstan" }).click();
  await page.getByRole("button", { name: "Target language: English" }).click();
  await page.getByRole("menuitemradio", { name: "Kazakh" }).click();
  await expect(page).toHaveURL(/target=kk$/);
  await page.getByRole("navigation", { name: "Interface language" }).getByRole("link", { name: "Українська" }).click();
  await expect(page).toHaveURL(/\/uk\/documents\/[^?]+\?target=kk$/);
  await expect(page.getByRole("columnheader", { name: "Переклад (Казахська)" })).toBeVisible();
});

test("/ goes to the remembered language, else the browser's", async ({ browser }) => {
  const kazakh = await browser.newContext({
    locale: "kk-KZ",
    extraHTTPHeaders: { "Accept-Language": "kk-KZ,kk;q=0.9" },
  });
  await kazakh.clearCookies({ name: "parallel-lng" });
  const page = await kazakh.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/kk$/);
  await page.goto("/en");
  await expect.poll(async () => (await kazakh.cookies()).find((c) => c.name === "parallel-lng")?.value).toBe("en");
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await kazakh.close();
});
