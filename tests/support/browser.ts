/**
 * The one browser harness: real headless Chromium (Debian's) on the production build, served by the same static
 * server as `npm start`. The browser tests, `npm run screenshots` and `npm run bench` all start here.
 * Every page opened by `watchedPage` records what a user would never want: console errors, page errors, CSP
 * violations and any request that leaves the page's origin (workers included).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveBuild } from '../../scripts/serve.js';

/** Debian's Chromium (or CHROMIUM_PATH), headless, with nothing of its own reaching the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
}

export interface Site {
  /** Like http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** More directories to serve under a path prefix, the prefix stripped: `{ '/bench/': 'bench/dist' }`. */
  mounts?: Record<string, string>;
  /** Another build to serve (`build-gp`), and the sub-path it was built for (`/gp`). */
  dir?: string;
  base?: string;
}

/** Serves build/ (and any `mounts`) on a free port and launches Chromium. */
export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const server = await serveBuild({ port: 0, mounts: options.mounts, dir: options.dir, base: options.base });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    }
  };
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  cspViolations(): Promise<string[]>;
}

/** A fresh context and page that records errors, requests and CSP violations. */
export async function watchedPage(site: Site): Promise<Watched> {
  const context = await site.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`)
    );
  });
  return {
    page,
    context,
    consoleErrors,
    pageErrors,
    requests,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
  };
}

/** A watched page of the site at `path`, once its data is loaded and `ready` (a selector) is on it. */
export async function openWatched(site: Site, path: string, ready: string): Promise<Watched> {
  const w = await watchedPage(site);
  await w.page.goto(`${site.url}${path}`);
  await waitForData(w.page);
  await w.page.locator(ready).first().waitFor();
  return w;
}

/** Waits until the in-browser database has loaded the data (or failed). */
export async function waitForData(page: Page): Promise<string> {
  const status = page.locator('header [role="status"]');
  await status
    .and(page.locator('[data-status="ready"], [data-status="failed"]'))
    .waitFor({ timeout: 30_000 });
  return (await status.getAttribute('data-status')) ?? '';
}

/** Waits until the page shows at least `count` charts and every chart container has drawn its SVG. */
export async function waitForCharts(page: Page, count = 1): Promise<number> {
  await page.waitForFunction((n) => {
    const plots = [...document.querySelectorAll('.plot')];
    return plots.length >= n && plots.every((p) => p.querySelector('svg'));
  }, count);
  return page.locator('.plot svg').count();
}
