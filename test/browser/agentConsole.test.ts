import type { Page } from 'playwright-core';
import { minutes } from '../../config/policies/duration';
import type { Stack } from '../../scripts/stack';
import { checkA11y, expectProblemAnswers, PHONE_VIEWPORT, screenshot, signIn, useBrowser } from '../support/browser';
import { approveOnCasePage, claimFromQueue, openReturnNeedingReview, workItemRow } from '../support/consoleFlows';
import { testSlaPolicy, withTarget } from '../support/slaPolicies';
import { eventually } from '../support/eventually';
import { ApiClient, startLocalTestStack } from '../support/stackHarness';

/**
 * The console's working pages in a browser: an agent finds a return waiting for review in My work
 * with its review clock counting down, claims it, approves it on the case page through the form
 * the API's schema generates, and sees the case move on; search finds cases by their status.
 */

let stack: Stack;
let api: ApiClient;
const browser = useBrowser();

beforeAll(async () => {
  // The review clock runs ten minutes, not the tests' usual half minute: long enough to be worked by hand.
  stack = await startLocalTestStack('browser-agent-console', { sla: withTarget(testSlaPolicy, 'review', minutes(10)) });
  api = new ApiClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

async function signedInAgent(options = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await signIn(page, stack.apiUrl, 'agent', 'agent-ana');
  await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
  return page;
}

it('shows a return waiting for review with a live countdown; the agent claims it and approves it on its page', async () => {
  const { caseId } = await openReturnNeedingReview(api);
  const page = await signedInAgent();

  const row = await workItemRow(page, caseId);
  const clock = row.locator('time');
  await row.getByText('on track').waitFor();
  const before = await clock.textContent();
  expect(before).toMatch(/^(09|10):\d\d left$/);
  await page.waitForTimeout(1_500);
  expect(await clock.textContent()).not.toBe(before);
  await checkA11y(page);
  await screenshot(page, 'console-my-work');

  await claimFromQueue(page, caseId);
  // The confirmation comes with the claim's answer; the row shows the new holder once the queue is read again.
  await eventually(async () => {
    expect(await row.getByRole('button', { name: `Claim case ${caseId}` }).count()).toBe(0);
    expect(await row.textContent()).toContain('agent-ana');
  }, 10_000);

  await approveOnCasePage(page, caseId, 'Opened, but as new: approved');
  const summary = page.getByRole('region', { name: 'Summary' });
  await summary.locator('dd strong').filter({ hasNotText: 'under review' }).waitFor();
  expect(await summary.locator('dd strong').textContent()).toMatch(/^(approved|label issued|in transit|received|inspected|refunded|closed)/);
  // The agent's own word is on the timeline, and the customer's contact stays masked for an agent.
  await page.getByRole('region', { name: 'Timeline' }).getByText('case.approved').waitFor();
  expect(await page.getByRole('region', { name: 'Customer' }).textContent()).toContain('•');
  await checkA11y(page);
  await screenshot(page, 'console-case');
});

it('shows the API’s validation problem next to the field it names, and changes nothing', async () => {
  const { caseId } = await openReturnNeedingReview(api);
  const page = await signedInAgent();
  expectProblemAnswers(page);
  await page.goto(`${stack.apiUrl}/console/cases/${caseId}`);

  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  const reason = page.getByLabel('reason');
  await page.getByRole('button', { name: 'Send' }).click();

  const field = page.locator('.field').filter({ has: reason });
  await field.getByRole('alert').waitFor();
  expect(await field.getByRole('alert').textContent()).toMatch(/\S/);
  expect(await reason.getAttribute('aria-invalid')).toBe('true');
  expect((await api.get(`/v1/cases/${caseId}`)).body.status).toBe('under_review');
  await checkA11y(page);
});

it('finds cases by status, with the filters in the address, and opens one', async () => {
  const { caseId, customerId } = await openReturnNeedingReview(api);
  const page = await signedInAgent();
  await page.getByRole('navigation').getByRole('link', { name: 'Search' }).click();
  await page.getByRole('heading', { level: 1, name: 'Search cases' }).waitFor();
  await checkA11y(page);

  await page.getByLabel('Status').selectOption('under_review');
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  await page.waitForURL((url) => url.searchParams.has('status'));
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ status: 'under_review' });
  await page.getByRole('link', { name: caseId, exact: true }).waitFor();
  // Read once the results have settled: a page of rows, every one of them under review.
  const statuses = await eventually(async () => {
    const shown = await page.getByRole('table').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    return shown;
  });
  expect(new Set(statuses)).toEqual(new Set(['under review']));
  await checkA11y(page);

  // The address alone repeats the search: another tab, the same filters, the same case.
  const shared = await signedInAgent();
  await shared.goto(`${stack.apiUrl}/console/search?customerId=${customerId}&status=under_review`);
  await shared.getByRole('link', { name: caseId, exact: true }).click();
  await shared.getByRole('heading', { level: 1, name: `Case ${caseId}` }).waitFor();
});

it('shows an empty search as such, and an unknown case as an error', async () => {
  const page = await signedInAgent();
  expectProblemAnswers(page);
  await page.goto(`${stack.apiUrl}/console/search?customerId=cust-nobody`);
  await page.getByRole('heading', { name: 'No cases to show' }).waitFor();
  await page.goto(`${stack.apiUrl}/console/cases/case_00000000000000000000000000`);
  await page.getByRole('alert').getByRole('heading', { name: 'This case could not be loaded' }).waitFor();
  await checkA11y(page);
});

it('keeps My work usable at a phone’s width', async () => {
  const { caseId } = await openReturnNeedingReview(api);
  const page = await signedInAgent({ viewport: PHONE_VIEWPORT });
  const row = await workItemRow(page, caseId);
  await row.getByText(/on track|warning/).waitFor();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  await checkA11y(page);
});
