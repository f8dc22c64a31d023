import type { Locator, Page } from 'playwright-core';
import type { Stack } from '../../scripts/stack';
import { signIn } from './browser';
import { returnRequest } from './requests';
import type { ApiClient } from './stackHarness';

/**
 * An agent's work in the console (docs/web.md), step by step as a person does it, by the names
 * and labels on screen; shared by the browser tests that need a case moved on by an agent.
 */

/** A return whose opened item needs an agent's review; resolves once it waits for one. */
export async function openReturnNeedingReview(api: ApiClient): Promise<{ caseId: string; customerId: string }> {
  const request = returnRequest({ items: [{ sku: 'JACKET-M', quantity: 1, condition: 'opened' }] });
  const created = await api.createCase(request);
  if (created.status !== 201) throw new Error(`the return was not opened: ${created.status} ${JSON.stringify(created.body)}`);
  const caseId = created.body.id as string;
  await api.waitForStatus(caseId, 'under_review');
  return { caseId, customerId: request.customer.id };
}

/** The case's row in My work, once listed. */
export async function workItemRow(page: Page, caseId: string): Promise<Locator> {
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: caseId, exact: true }) });
  await row.waitFor();
  return row;
}

/** On My work: claims the case and waits to be told it is now the agent's. */
export async function claimFromQueue(page: Page, caseId: string): Promise<void> {
  const row = await workItemRow(page, caseId);
  await row.getByRole('button', { name: `Claim case ${caseId}` }).click();
  await row.getByText(`You now hold case ${caseId}.`).waitFor();
}

/** From My work to the case page, where it approves the return with a note through the generated form. */
export async function approveOnCasePage(page: Page, caseId: string, note: string): Promise<void> {
  const row = await workItemRow(page, caseId);
  await row.getByRole('link', { name: caseId, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Case ${caseId}` }).waitFor();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByLabel('note').fill(note);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('status').filter({ hasText: 'Approve: done.' }).waitFor();
}

/** The whole agent half: signs in as the agent, claims the return from My work and approves it on its page. */
export async function approveReturnFromQueue(page: Page, stack: Pick<Stack, 'apiUrl'>, caseId: string, agent = 'agent-ana'): Promise<void> {
  await signIn(page, stack.apiUrl, 'agent', agent);
  await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
  await claimFromQueue(page, caseId);
  await approveOnCasePage(page, caseId, 'Opened, but as new: approved');
}
