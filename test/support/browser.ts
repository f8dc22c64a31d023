import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/**
 * Drives the web app (docs/web.md) in Debian's chromium through playwright-core. Every page a test
 * opens is watched: a console error, an uncaught exception, a refused resource, a violation of
 * the page's Content-Security-Policy or a request with a token in its URL fails the test, after it
 * ran, with what the browser said.
 */

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium logs every 4xx answer to a page's fetch as a console error, even one the page shows as it should. */
const PROBLEM_ANSWER = /^Failed to load resource: the server responded with a status of 4\d\d/;
const answeringProblems = new WeakSet<Page>();

/** For a test of an error state: the API's 4xx answers to this page are what it checks, not faults. */
export function expectProblemAnswers(page: Page): void {
  answeringProblems.add(page);
}

/** A JWT, as our tokens are: base64url of {"…} and two more parts. */
const TOKEN_SHAPE = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./;

/** A phone's width, which every page must stay usable at. */
export const PHONE_VIEWPORT = { width: 375, height: 740 } as const;

export interface BrowserHarness {
  /** A page in a fresh context (no session, English unless `locale` says otherwise), watched for errors. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** What the page reported so far, taken so the test can expect it instead of failing on it. */
  takeReported(page: Page): string[];
}

/**
 * Every refusal of the page's Content-Security-Policy, as the page itself sees it, logged as an
 * error so it fails the test: chromium's own console message about it is worded as it likes.
 * Added through the DevTools protocol, so the policy does not apply to it.
 */
function reportPolicyViolations(): void {
  const { document, console } = globalThis as unknown as {
    document: { addEventListener(type: string, listener: (event: { effectiveDirective: string; blockedURI: string }) => void): void };
    console: { error(message: string): void };
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`);
  });
}

/**
 * Launches chromium for the test file and closes it after; after each test, fails it on anything
 * its pages reported, and closes them.
 */
export function useBrowser(): BrowserHarness {
  let browser: Browser | undefined;
  const opened: { page: Page; errors: string[] }[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    });
  });

  afterEach(async () => {
    const reported = opened.flatMap(({ page, errors }) => errors.map((e) => `${page.url()}: ${e}`));
    await Promise.all(opened.splice(0).map(({ page }) => page.context().close()));
    expect(reported).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async newPage(options = {}) {
      if (!browser) throw new Error('useBrowser(): newPage() before beforeAll launched chromium');
      const context = await browser.newContext({ locale: 'en-US', ...options });
      await context.addInitScript(reportPolicyViolations);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (answeringProblems.has(page) && PROBLEM_ANSWER.test(message.text())) return;
        errors.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('request', (request) => {
        // A token rides in the Authorization header, or in a tracking link's fragment, which is never sent.
        const { pathname, search } = new URL(request.url());
        if (TOKEN_SHAPE.test(pathname + search)) errors.push(`a token in a URL: ${request.method()} ${pathname}${search}`);
      });
      page.on('requestfailed', (request) => {
        // Leaving a page cancels what it was still loading; that is no fault of the page.
        const reason = request.failure()?.errorText ?? '';
        if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} (${reason})`);
      });
      opened.push({ page, errors });
      return page;
    },
    takeReported(page) {
      return opened.find((o) => o.page === page)?.errors.splice(0) ?? [];
    },
  };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, or on a
 * page without its one <main>. axe is
 * evaluated through the DevTools protocol rather than added as a <script>: the pages' CSP (rightly)
 * refuses inline scripts, and the test must see the page under its real policy.
 */
export async function checkA11y(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // In the page: the test's tsconfig has no DOM types, so its globals are named through globalThis.
    const { axe, document } = globalThis as unknown as {
      axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
      document: unknown;
    };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  expect({ url: page.url(), violations: blocking }).toEqual({ url: page.url(), violations: [] });
  // axe rates a missing or doubled <main> moderate only; every page of the app has exactly one.
  expect({ url: page.url(), mains: await page.locator('main').count() }).toEqual({ url: page.url(), mains: 1 });
}

/** Signs in through the real sign-in page, as a person would, and waits to land where it sends them. */
export async function signIn(page: Page, baseUrl: string, role: 'agent' | 'supervisor' | 'customer', sub: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  const identity = page.locator('select[name="identity"]');
  await identity.selectOption(`${role}:${sub}`);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

const screenshotDir = path.resolve(__dirname, '../../docs/screenshots');

/** The README's pictures: written to docs/screenshots/<name>.png only when UPDATE_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
