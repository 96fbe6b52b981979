// Every page, API route, download and the production server's own save endpoint carry the security
// headers, and no page the workbench has breaks its own Content-Security-Policy.
import { type APIResponse, expect, type Response, test } from "@playwright/test";
import { anonymousPage, DEMO_DOC, watchPolicies } from "./helpers";

type Headers = Record<string, string>;
const headersOf = (res: Response | APIResponse | null): Headers => {
  expect(res).not.toBeNull();
  return res!.headers();
};

/** The headers every response has; HSTS only behind https (the e2e server is http). */
function expectCommon(headers: Headers) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["strict-transport-security"]).toBeUndefined();
  const csp = headers["content-security-policy"];
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive);
  // One policy, not two joined by a comma (the browser would enforce both).
  expect(csp).not.toContain(",");
  return csp;
}

/** A page's policy: scripts only with this response's nonce, which Next put on its scripts. */
async function expectPage(res: Response | null) {
  const csp = expectCommon(headersOf(res));
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Every script the server wrote carries it (the chunks those load later are trusted through 'strict-dynamic').
  const tags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("pages, API routes, downloads and saves carry the security headers; no page violates the CSP", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const violations = await watchPolicies(page);
  const visit = async (url: string) => expectPage(await page.goto(url));

  const home = await visit("/en");
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await page.waitForURL(/\/documents\//);
  const documentPath = new URL(page.url()).pathname;
  const documentId = documentPath.split("/")[3];
  const editorNonce = await visit(documentPath);
  expect(editorNonce).not.toBe(home);
  await expect(page.getByTestId("segment")).toHaveCount(11);
  // Review mode and a side panel render more of the editor.
  await page.getByLabel("Review mode").check();
  await page.getByRole("button", { name: "More" }).click();
  await expect(page.getByRole("menuitem", { name: /Approve all/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /notes/i }).first().click();

  await visit(`${documentPath}/export`);
  await visit(`${documentPath}/quality?target=en`);
  await visit("/en/account");
  await visit("/en/mentions");
  await visit("/en");
  await page.getByRole("link", { name: "Import a file" }).first().click();
  await page.waitForURL(/\/import$/);
  const projectPath = new URL(page.url()).pathname.replace(/\/import$/, "");
  await visit(`${projectPath}/import`);
  await visit(`${projectPath}/members`);
  // A page that does not exist is a page too: rendered per request with its nonce, not Next's prerendered 404.
  const missing = await page.goto("/en/no-such-page/deeper");
  expect(missing?.status()).toBe(404);
  await expectPage(missing);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  // The language redirect.
  const redirect = await page.request.get("/", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectCommon(headersOf(redirect));

  // API routes and downloads: data, not pages, so no script may run in them at all.
  const api = async (res: APIResponse) => {
    const csp = expectCommon(headersOf(res));
    expect(csp).toContain("script-src 'none'");
    return res;
  };
  expect((await api(await page.request.get("/api/v1/me"))).status()).toBe(200);
  expect((await api(await page.request.get("/api/openapi.json"))).status()).toBe(200);
  expect((await api(await page.request.get("/api/v1/no-such-route"))).status()).toBe(404);
  const download = await api(await page.request.get(`/api/v1/documents/${documentId}/export?format=csv&target=en`));
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  // The save, answered by the production server itself (lib/server/save-endpoint.ts).
  const { segments } = await (await page.request.get(`/api/v1/documents/${documentId}/segments?target=en`)).json();
  const savePath = `/api/v1/segments/${segments[0].id}/translations/en`;
  const origin = new URL(page.url()).origin;
  const save = await api(
    await page.request.put(savePath, {
      headers: { origin },
      data: { text: segments[0].translation.text, baseVersion: segments[0].translation.version },
    }),
  );
  expect(save.status()).toBe(200);
  expect((await api(await page.request.put(savePath, { headers: { origin }, data: "not json" }))).status()).toBe(400);

  // Signed out: the sign-in page, setup (gone once the owner exists: its 404 is still a page), the API.
  const anonymous = await anonymousPage(browser);
  const anonymousViolations = await watchPolicies(anonymous.page);
  await expectPage(await anonymous.page.goto("/en/sign-in"));
  await expect(anonymous.page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expectCommon(headersOf(await anonymous.page.goto("/en/setup")));
  // An invitation link that is not (or no longer) valid: the page that says so.
  await expectPage(await anonymous.page.goto("/en/invite/no-such-invitation"));
  expect((await api(await anonymous.page.request.get("/api/v1/me"))).status()).toBe(401);
  expect((await api(await anonymous.page.request.put(savePath, { data: {} }))).status()).toBe(401);
  await anonymous.context.close();

  // A static file Next serves by itself.
  const script = await page.locator("script[src]").first().getAttribute("src");
  expect((await page.request.get(script!)).headers()["x-content-type-options"]).toBe("nosniff");

  expect(violations).toEqual([]);
  expect(anonymousViolations).toEqual([]);
});
