import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createPool } from '../../db/pool';
import type { Stack } from '../../scripts/stack';
import { checkA11y, expectProblemAnswers, PHONE_VIEWPORT, screenshot, signIn, useBrowser } from '../support/browser';
import { eventually } from '../support/eventually';
import { closedCase, noonOf } from '../support/qualityCases';
import { complaintRequest } from '../support/requests';
import { ApiClient, startLocalTestStack } from '../support/stackHarness';

/**
 * The supervisor's pages in a browser, on a stack with a few cases worked through the API: two
 * complaints solved and closed (one rated 5 of 5), one still with its agent, and a closed case
 * of a past day drawn for quality. The supervisor reads the KPI chart against its target, groups
 * it by channel, downloads its CSV, sees the open complaint in the process diagram, the partner
 * scorecards, and scores that day's sample with the rubric.
 */

let stack: Stack;
let api: ApiClient;
let sampledCaseId: string;
const browser = useBrowser();
/** The day the quality sample is drawn for, by hand: any day that is over. */
const sampleDay = '2003-09-10';

/** A complaint routed to its agent; with `close`, acknowledged, solved and confirmed by the customer. */
async function complaint(close: boolean): Promise<{ caseId: string; customer: ApiClient }> {
  const request = complaintRequest();
  const customer = api.as({ sub: request.customer.id, role: 'customer' });
  const created = await customer.createCase(request);
  if (created.status !== 201) throw new Error(`the complaint was not opened: ${created.status}`);
  const caseId = created.body.id as string;
  const assignee = await eventually(async () => {
    const record = (await api.get(`/v1/cases/${caseId}`)).body;
    expect(record).toMatchObject({ status: 'routed', assignee: expect.any(String) });
    return record.assignee as string;
  });
  if (!close) return { caseId, customer };
  const agent = api.as({ sub: assignee, role: 'agent' });
  expect((await agent.post(`/v1/cases/${caseId}/actions/acknowledge`, { note: 'on it' })).status).toBe(200);
  expect((await agent.post(`/v1/cases/${caseId}/actions/propose-solution`, { solution: 'a refund of the shipping' })).status).toBe(200);
  expect((await customer.post(`/v1/cases/${caseId}/actions/confirm`, { comment: 'fine' })).status).toBe(200);
  await api.waitForClosed(caseId);
  return { caseId, customer };
}

beforeAll(async () => {
  stack = await startLocalTestStack('browser-supervisor-console', {}, { ownDatabase: true });
  api = new ApiClient(stack);
  const rated = await complaint(true);
  await complaint(true);
  await complaint(false);
  // The survey opens once the case has closed; the customer's answer counts from then.
  await eventually(async () => expect((await rated.customer.post(`/v1/cases/${rated.caseId}/feedback`, { csat: 5, nps: 9 })).status).toBe(200));

  const pool = createPool(stack.databaseUrl, 1);
  try {
    sampledCaseId = await closedCase(pool, { type: 'complaint', channel: 'web', closedAt: noonOf(sampleDay) });
  } finally {
    await pool.end();
  }
  expect((await api.post('/v1/quality/draws', { day: sampleDay })).status).toBe(202);
  await eventually(async () => expect((await api.get(`/v1/quality/samples?date=${sampleDay}`)).status).toBe(200));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

async function signedInSupervisor(): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, stack.apiUrl, 'supervisor', 'sup-1');
  return page;
}

it('draws a KPI over the week against its target, says met or missed in words, groups it by channel and downloads its CSV', async () => {
  const page = await signedInSupervisor();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

  await page.getByLabel('Figure on the chart').selectOption('csat');
  const chart = page.getByRole('figure', { name: /Satisfied customers \(CSAT\) over time/ });
  await chart.locator('svg.recharts-surface').first().waitFor();
  expect(await chart.locator('figcaption li').allTextContents()).toEqual(['All cases: 100% over the period; target at least 85%; met.']);
  await chart.locator('svg text', { hasText: 'Target: 85%' }).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Satisfied customers (CSAT)', exact: true }) });
  expect(await row.getByRole('cell').allTextContents()).toEqual(['100%', 'at least 85%', 'met', '1']);
  await checkA11y(page);
  await screenshot(page, 'console-dashboard');

  await page.getByLabel('Group by').selectOption('channel');
  await chart.locator('figcaption li', { hasText: /^web: 100% over the period; target at least 85%; met\.$/ }).waitFor();
  await checkA11y(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).first().click()]);
  expect(download.suggestedFilename()).toBe('kpis.csv');
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('groupBy,group,kpi,value,unit,target,better,met,sample');
  expect(csv).toContain('channel,web,csat,1,share,0.85,higher,true,1');
  // The bearer travels in a header; no address the page asked for carries it.
  const token = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string } }).sessionStorage.getItem('aso.session'));
  expect(requested.filter((url) => url.includes(token))).toEqual([]);
});

it('reads the same in Chinese on a phone', async () => {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: PHONE_VIEWPORT });
  await signIn(page, stack.apiUrl, 'supervisor', 'sup-1');
  await page.goto(`${stack.apiUrl}/console/dashboard?kpi=csat`);
  const chart = page.getByRole('figure', { name: /客户满意度（CSAT）走势/ });
  await chart.locator('svg.recharts-surface').first().waitFor();
  expect(await chart.locator('figcaption li').allTextContents()).toEqual(['全部工单：本时间段为 100%；目标 不低于 85%；达标。']);
  await checkA11y(page);
  await page.goto(`${stack.apiUrl}/console/processes`);
  await page.getByRole('img', { name: '投诉的状态图' }).locator('g.node', { hasText: '已分派' }).waitFor();
  await checkA11y(page);
});

it('tells an agent the dashboard is not theirs, and does not offer it', async () => {
  const page = await browser.newPage();
  await signIn(page, stack.apiUrl, 'agent', 'agent-ana');
  expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
  await page.goto(`${stack.apiUrl}/console/dashboard`);
  await page.getByRole('heading', { name: 'Not for your role' }).waitFor();
  await checkA11y(page);
});

it('draws each process as a state diagram with the open cases in each state', async () => {
  const page = await signedInSupervisor();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Processes' }).click();
  const diagram = page.getByRole('img', { name: 'State diagram of Complaint' });
  await diagram.waitFor();

  const routedText = await diagram.locator('g.node', { hasText: 'Routed' }).textContent();
  const openRouted = Number(/^Routed(\d+) open$/.exec(routedText ?? '')?.[1]);
  expect(openRouted).toBe(1);
  expect(await diagram.locator('g.node', { hasText: 'Closed' }).textContent()).toBe('Closed0 open');
  expect(await diagram.locator('path[marker-end]').count()).toBe(11);
  await page.getByText('Complaint: states, open cases and next states').first().click();
  const routed = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Routed', exact: true }) });
  expect(await routed.getByRole('cell').first().textContent()).toBe(String(openRouted));
  await checkA11y(page);
  await screenshot(page, 'console-processes');
});

it('lists the partners with their standing and opens a supplier’s scorecard', async () => {
  const page = await signedInSupervisor();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  const acme = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'acme-repairs', exact: true }) });
  expect(await acme.getByRole('cell').first().textContent()).toBe('Repair supplier');
  expect(await acme.textContent()).toContain('In good standing');
  await checkA11y(page);

  await acme.getByRole('link', { name: 'acme-repairs' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scorecard of acme-repairs' }).waitFor();
  await page.getByRole('heading', { name: 'All-time supplier scorecard' }).waitFor();
  expect(await page.getByRole('rowheader', { name: 'Negative ratings' }).count()).toBe(1);
  await checkA11y(page);
});

it("shows a day's sample with its process check, refuses an incomplete rubric at the field, and records a full one", async () => {
  const page = await signedInSupervisor();
  expectProblemAnswers(page);
  await page.goto(`${stack.apiUrl}/console/quality?date=${sampleDay}`);
  const card = page.getByRole('article', { name: `Case ${sampledCaseId}` });
  await card.waitFor();
  expect(await card.getByRole('heading', { name: /^Automatic process check: / }).textContent()).toMatch(/Passed|Failed/);
  await checkA11y(page);

  await card.getByLabel(/^Greeting and tone/).selectOption('5');
  await card.getByRole('button', { name: 'Save review' }).click();
  const accuracy = card.getByLabel(/^Accurate information/);
  await card.locator('select[aria-invalid="true"]').first().waitFor();
  expect(await accuracy.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator(`[id="${await accuracy.getAttribute('aria-describedby')}"]`).textContent()).toBe('required: 1 to 5');
  expect(await card.getByLabel(/^Greeting and tone/).getAttribute('aria-invalid')).toBeNull();
  expect((await api.get(`/v1/quality/samples?date=${sampleDay}`)).body.items[0].review).toBeNull();

  for (const label of [/^Accurate information/, /^Empathy/, /^Problem resolved/, /^Policy and compliance/]) {
    await card.getByLabel(label).selectOption('4');
  }
  await card.getByRole('button', { name: 'Save review' }).click();
  await card.getByText(/^Reviewed by sup-1 on .+: 77.3 of 100, passed/).waitFor();
  await checkA11y(page);
});
