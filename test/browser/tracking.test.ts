import type { Page } from 'playwright-core';
import { minutes } from '../../config/policies/duration';
import type { Stack } from '../../scripts/stack';
import { checkA11y, expectProblemAnswers, PHONE_VIEWPORT, screenshot, signIn, useBrowser } from '../support/browser';
import { approveReturnFromQueue, openReturnNeedingReview } from '../support/consoleFlows';
import { eventually } from '../support/eventually';
import { returnRequest } from '../support/requests';
import { testSlaPolicy, withTarget } from '../support/slaPolicies';
import { ApiClient, startLocalTestStack } from '../support/stackHarness';

/**
 * The customer's tracking page in a browser (docs/web.md#the-tracking-page): opened through the
 * link in our message, it says where the case stands in plain words and moves on by itself when
 * an agent approves the return; a closed case takes the customer's rating and remembers it; a
 * Chinese-reading customer reads it in Chinese, on a phone.
 */

let stack: Stack;
let api: ApiClient;
const browser = useBrowser();

beforeAll(async () => {
  // A review clock long enough that only the agent moves the return on, never its timeout.
  stack = await startLocalTestStack('browser-tracking', { sla: withTarget(testSlaPolicy, 'review', minutes(10)) });
  api = new ApiClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

/** The tracking link of the newest message to the customer about the case, as the simulator's gateway received it. */
async function trackingLinkFor(caseId: string, template: string): Promise<string> {
  return eventually(async () => {
    const messages = (await api.records(caseId)).notifications as unknown as { template: string; data: { trackUrl?: string } }[];
    const message = messages.find((m) => m.template === template);
    expect(message?.data.trackUrl).toEqual(expect.stringContaining(`/track/${caseId}#t=`));
    return message!.data.trackUrl!;
  }, 30_000);
}

const sentence = (page: Page, region = 'Where it stands') => page.getByRole('region', { name: region }).locator('.track-sentence');

/** A return that ran its whole course (the simulator's partners play every step) and now asks for a rating. */
async function closedReturnAskingForRating(request = returnRequest()): Promise<string> {
  const created = await api.createCase(request);
  const caseId = created.body.id as string;
  await api.waitForClosed(caseId);
  await api.waitForSurvey(caseId, 'requested', 30_000);
  return caseId;
}

it('opens a return through the link in our message and says where it stands in plain words', async () => {
  const { caseId } = await openReturnNeedingReview(api);
  const link = await trackingLinkFor(caseId, 'case_under_review');
  const page = await browser.newPage();

  await page.goto(link);

  await page.getByRole('heading', { level: 1, name: 'Your return' }).waitFor();
  // The token left the address bar: it is the tab's session now, and in no URL a page shares.
  expect(page.url()).toBe(`${stack.apiUrl}/track/${caseId}`);
  expect(await sentence(page).textContent()).toBe('A member of our team is reviewing your return.');
  await expect(page.getByRole('region', { name: 'Dates to know' }).textContent()).resolves.toMatch(/We will decide on your return by /);
  expect(await page.getByRole('region', { name: 'Done so far' }).getByRole('listitem').allTextContents()).toEqual([
    expect.stringContaining('Request received'),
    expect.stringContaining('Passed to our team for review'),
  ]);
  expect(await page.getByRole('region', { name: 'Still to come' }).getByRole('listitem').first().textContent()).toBe('Return label');
  await page.getByRole('button', { name: 'Cancel my request' }).waitFor();
  await checkA11y(page);
  await screenshot(page, 'tracking');
});

it('moves on by itself when an agent claims and approves the return from the queue', async () => {
  const { caseId } = await openReturnNeedingReview(api);
  const customer = await browser.newPage();
  await customer.goto(await trackingLinkFor(caseId, 'case_under_review'));
  await sentence(customer).filter({ hasText: 'reviewing your return' }).waitFor();

  const agent = await browser.newPage();
  await approveReturnFromQueue(agent, stack, caseId);

  // No reload: the page asks again while the case moves.
  await sentence(customer).filter({ hasNotText: 'reviewing your return' }).waitFor({ timeout: 30_000 });
  await customer.getByRole('region', { name: 'Done so far' }).getByText('Approved').waitFor();
  await checkA11y(customer);
});

it('takes the rating of a closed case, thanks the customer, and shows it answered on the next visit', async () => {
  const caseId = await closedReturnAskingForRating();
  const link = await trackingLinkFor(caseId, 'feedback_request');
  const page = await browser.newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 2, name: 'How did we do?' }).waitFor();
  expect(await sentence(page).textContent()).toBe('Your return is closed.');
  await checkA11y(page);

  // Reasons are asked for only when unhappy.
  await page.getByRole('radio', { name: '2 of 5 stars' }).check();
  await page.getByRole('group', { name: 'What went wrong? Choose all that apply.' }).getByLabel('It took too long').waitFor();
  await page.getByRole('radio', { name: '5 of 5 stars' }).check();
  expect(await page.getByText('What went wrong?').count()).toBe(0);
  await page.getByRole('radio', { name: '9', exact: true }).check();
  await page.getByRole('button', { name: 'Send my rating' }).click();

  await page.getByRole('heading', { level: 2, name: 'Thank you for your rating' }).waitFor();
  expect(await page.getByText('You gave us 5 of 5 stars and 9 of 10.').count()).toBe(1);
  await checkA11y(page);
  await eventually(async () => expect((await api.get(`/v1/cases/${caseId}`)).body.details.feedback).toMatchObject({ status: 'answered', csat: 5, nps: 9 }));

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Thank you for your rating' }).waitFor();
  expect(await page.getByRole('button', { name: 'Send my rating' }).count()).toBe(0);
});

it('speaks Chinese to a customer whose language is Chinese, and stays readable on a phone', async () => {
  // cust-0005 of the seeded catalogue reads Chinese; the browser says English, the customer system wins.
  const caseId = await closedReturnAskingForRating(returnRequest({ customer: { id: 'cust-0005' } }));
  const page = await browser.newPage({ viewport: PHONE_VIEWPORT });
  await signIn(page, stack.apiUrl, 'customer', 'cust-0005');

  await page.goto(`${stack.apiUrl}/track/${caseId}`);

  await page.getByRole('heading', { level: 1, name: '您的退货' }).waitFor();
  expect(await sentence(page, '当前进展').textContent()).toBe('您的退货已结案。');
  await page.getByRole('heading', { level: 2, name: '您对我们的服务满意吗？' }).waitFor();
  await page.getByRole('radio', { name: '5 星（满分 5 星）' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  await checkA11y(page);

  // The switch still lets them read English.
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'Your return' }).waitFor();
});

it('says kindly that a case it cannot show was not found', async () => {
  const page = await browser.newPage();
  expectProblemAnswers(page);
  await signIn(page, stack.apiUrl, 'customer', 'cust-0193');

  await page.goto(`${stack.apiUrl}/track/case_00000000000000000000000000`);

  await page.getByRole('heading', { level: 1, name: 'We could not find this case' }).waitFor();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  await checkA11y(page);
});
