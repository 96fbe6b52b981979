// The editor page in Chromium: from navigation start to the first editable paragraph (a translation
// textarea that is on screen, not disabled or read-only, and hydrated: React has attached its
// handlers), the HTML transfer size, and the page's JS heap after load and after scrolling the list.
import { type Browser, chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/chromium";
import { HOST, PAGE } from "./config";
import { median, sleep } from "./stats";

export interface Navigation {
  /** All in ms from navigation start (performance.timeOrigin). */
  firstEditableMs: number;
  /** The first translation textarea on screen, hydrated or not. */
  firstVisibleMs: number;
  ttfbMs: number;
  responseEndMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** Main-thread tasks over 50 ms before the first editable paragraph. */
  longTasks: number;
  longestTaskMs: number;
  /** Main-thread time until just after the first editable paragraph (CDP metrics): all tasks, script, layout, style. */
  mainThreadMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  htmlTransferBytes: number;
  htmlDecodedBytes: number;
  scriptTransferBytes: number;
  heapAfterLoadBytes: number;
  domNodesAfterLoad: number;
  heapAfterScrollBytes: number;
  domNodesAfterScroll: number;
  scrollMs: number;
  /** The last paragraph's textarea was on screen after scrolling to the end. */
  reachedEnd: boolean;
}

export interface PageLoadResult {
  browser: string;
  runs: Navigation[];
  median: Navigation;
}

// Runs in the page from its first moment: polls once a frame for the first translation textarea.
// A string, not a function: tsx would compile helpers into a function that the page does not have.
const WATCH_FIRST_EDITABLE = `(() => {
  const longTasks = [];
  window.__benchLongTasks = longTasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const selector = 'textarea[aria-label^="Translation of paragraph"]';
  const check = () => {
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > window.innerHeight) continue;
      if (window.__benchFirstVisible === undefined) window.__benchFirstVisible = performance.now();
      const hydrated = Object.keys(el).some((k) => k.startsWith("__reactProps$"));
      if (!el.disabled && !el.readOnly && hydrated) {
        window.__benchFirstEditable = performance.now();
        window.__benchLongTasksBefore = longTasks.slice();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

async function navigateOnce(
  browser: Browser,
  url: string,
  cookie: { name: string; value: string },
  paragraphs: number,
): Promise<Navigation> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addCookies([
      { name: cookie.name, value: cookie.value, domain: HOST, path: "/", httpOnly: true, sameSite: "Lax" },
    ]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.addInitScript(WATCH_FIRST_EDITABLE);
    const memory = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      return { heap: get("JSHeapUsedSize"), nodes: get("Nodes") };
    };

    const response = await page.goto(url, { waitUntil: "load", timeout: PAGE.timeoutMs });
    if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    if (!new URL(page.url()).pathname.includes("/documents/")) throw new Error(`${url}: redirected to ${page.url()}`);
    await page.waitForFunction(() => "__benchFirstEditable" in window, undefined, { timeout: PAGE.timeoutMs });
    const { metrics: early } = await cdp.send("Performance.getMetrics");
    const seconds = (name: string) => (early.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
    const mainThread = {
      mainThreadMs: seconds("TaskDuration"),
      scriptMs: seconds("ScriptDuration"),
      layoutMs: seconds("LayoutDuration"),
      styleMs: seconds("RecalcStyleDuration"),
    };
    const timing = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
        (r) => r.initiatorType === "script" || r.name.endsWith(".js"),
      );
      const longTasks = (w.__benchLongTasksBefore as number[]) ?? [];
      return {
        firstEditableMs: w.__benchFirstEditable as number,
        firstVisibleMs: w.__benchFirstVisible as number,
        ttfbMs: nav.responseStart,
        responseEndMs: nav.responseEnd,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        loadMs: nav.loadEventEnd,
        longTasks: longTasks.length,
        longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
        htmlTransferBytes: nav.transferSize,
        htmlDecodedBytes: nav.decodedBodySize,
        scriptTransferBytes: scripts.reduce((sum, r) => sum + r.transferSize, 0),
      };
    });
    await sleep(500);
    const afterLoad = await memory();

    // Through the whole list in big steps, letting each step render, then to the very end.
    const scrollStarted = performance.now();
    for (let step = 1; step <= PAGE.scrollSteps; step++) {
      await page.evaluate(
        (f) => window.scrollTo(0, document.documentElement.scrollHeight * f),
        step / PAGE.scrollSteps,
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await sleep(100);
    }
    const last = page.getByLabel(`Translation of paragraph ${paragraphs} into English`, { exact: true });
    let reachedEnd = false;
    for (let attempt = 0; attempt < 20 && !reachedEnd; attempt++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await sleep(150);
      reachedEnd = (await last.count()) > 0 && (await last.isVisible());
    }
    const scrollMs = performance.now() - scrollStarted;
    const afterScroll = await memory();
    return {
      ...timing,
      ...mainThread,
      heapAfterLoadBytes: afterLoad.heap,
      domNodesAfterLoad: afterLoad.nodes,
      heapAfterScrollBytes: afterScroll.heap,
      domNodesAfterScroll: afterScroll.nodes,
      scrollMs,
      reachedEnd,
    };
  } finally {
    await context.close();
  }
}

/** PAGE.navigations fresh navigations (new context each: empty cache), median of each measure. */
export async function measurePageLoad(
  baseUrl: string,
  documentId: string,
  cookie: { name: string; value: string },
  paragraphs: number,
): Promise<PageLoadResult> {
  const browser = await launch();
  try {
    const url = `${baseUrl}/en/documents/${documentId}?target=en`;
    const runs: Navigation[] = [];
    for (let i = 0; i < PAGE.navigations; i++) runs.push(await navigateOnce(browser, url, cookie, paragraphs));
    const keys = Object.keys(runs[0]) as (keyof Navigation)[];
    const mid = Object.fromEntries(
      keys.map((k) => [
        k,
        typeof runs[0][k] === "boolean" ? runs.every((r) => r[k]) : median(runs.map((r) => r[k] as number)),
      ]),
    ) as unknown as Navigation;
    return { browser: `${browser.browserType().name()} ${browser.version()}`, runs, median: mid };
  } finally {
    await browser.close();
  }
}
