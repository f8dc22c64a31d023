import { randomUUID } from 'node:crypto';
import { seconds } from '../../../config/policies/duration';
import { listWorkItems } from '../../../db/workItems';
import type { Language } from '../../../domain/customer';
import { suggestionPolicy, type SuggestionPolicy } from '../../../workflows/suggestions/policy';
import type { SuggestionCaseInput } from '../../../workflows/suggestions/input';
import { testFeedbackPolicy } from '../../support/feedbackPolicies';
import { testSlaPolicy } from '../../support/slaPolicies';
import { eventually } from '../../support/eventually';
import { WorkflowHarness } from '../../support/workflowHarness';

let harness: WorkflowHarness;
beforeAll(async () => {
  harness = await WorkflowHarness.start('suggestion-workflow');
});
afterAll(async () => {
  await harness?.close();
});

const policy: SuggestionPolicy = { ...suggestionPolicy.profiles.standard, version: 'suggestions/test' };

function suggestionInput(text: string, opts: { language?: Language; policy?: SuggestionPolicy } = {}): SuggestionCaseInput {
  return {
    caseId: `case-suggestion-${randomUUID()}`,
    type: 'suggestion',
    channel: 'app',
    customer: { id: `cust-${randomUUID().slice(0, 8)}`, segment: 'standard', language: opts.language ?? 'en', advisorId: null },
    feedback: testFeedbackPolicy,
    text,
    policy: opts.policy ?? policy,
    sla: testSlaPolicy,
    requestedAt: new Date().toISOString(),
  };
}

type Sent = { template: string; language?: string; data: Record<string, unknown> };
async function customerMessages(caseId: string): Promise<Sent[]> {
  return (await harness.records(caseId)).notifications as unknown as Sent[];
}

async function itemsOf(caseId: string) {
  const items = await listWorkItems(harness.pool, { limit: 1000 });
  return items.filter((item) => item.caseId === caseId).map(({ kind, queue, dueAt }) => ({ kind, queue, dueAt }));
}

describe('suggestion workflow', () => {
  it('routes a Chinese delivery suggestion to operations, acknowledges it in Chinese, and closes on the answer', async () => {
    const input = suggestionInput('希望快递能更快一点，包装也可以更环保。', { language: 'zh-CN' });
    const handle = await harness.startSuggestion(input);
    await harness.waitForStatus(input.caseId, 'with_operations');

    const acknowledgement = (await customerMessages(input.caseId)).find((m) => m.template === 'suggestion_acknowledged');
    expect(acknowledgement).toMatchObject({ language: 'zh-CN', data: { topic: 'delivery' } });
    const answerDue = new Date(Date.parse(input.requestedAt) + policy.answerWithinMs).toISOString();
    expect(await itemsOf(input.caseId)).toEqual([{ kind: 'answer_operations_suggestion', queue: 'operations', dueAt: answerDue }]);

    const answer = '谢谢您的建议，我们下个月起使用可回收包装。';
    expect(await harness.action(input.caseId, 'answer', { kind: 'agent', id: 'ops-1' }, { text: answer })).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'answered' });

    const record = await harness.caseRecord(input.caseId);
    expect(record).toMatchObject({ status: 'closed', outcome: 'answered', details: { topic: 'delivery', answerQueue: 'operations' } });
    expect(await itemsOf(input.caseId)).toEqual([]);
    const sent = await customerMessages(input.caseId);
    expect(sent.find((m) => m.template === 'suggestion_answered')).toMatchObject({ language: 'zh-CN', data: { answer } });
    // Every process's close starts the survey.
    await eventually(async () => expect((await customerMessages(input.caseId)).map((m) => m.template)).toContain('feedback_request'));
    const { rows } = await harness.pool.query('SELECT type, outcome, staff_acted FROM case_facts WHERE case_id = $1', [input.caseId]);
    expect(rows).toEqual([{ type: 'suggestion', outcome: 'answered', staff_acted: true }]);
  });

  it('routes an English product idea to the product queue', async () => {
    const input = suggestionInput('Could you make this kettle in a matt black colour?');
    await harness.startSuggestion(input);
    await harness.waitForStatus(input.caseId, 'with_product');

    expect(await itemsOf(input.caseId)).toEqual([expect.objectContaining({ kind: 'answer_product_suggestion', queue: 'product' })]);
    expect((await customerMessages(input.caseId)).find((m) => m.template === 'suggestion_acknowledged')).toMatchObject({
      language: 'en',
      data: { topic: 'product' },
    });
    expect((await harness.caseRecord(input.caseId)).details).toMatchObject({ topic: 'product', answerQueue: 'product' });
  });

  it('closes without an answer once the answer window has passed, and tells supervisors of the breach', async () => {
    const input = suggestionInput('More opening hours at the store on Sundays, please.', {
      policy: { ...policy, answerWithinMs: seconds(2) },
    });
    const handle = await harness.startSuggestion(input);

    expect(await handle.result()).toEqual({ outcome: 'closed_without_answer' });
    expect(await harness.timelineTypes(input.caseId)).toEqual(
      expect.arrayContaining(['suggestion.routed', 'sla.breached', 'case.closed']),
    );
    const breach = (await harness.records(input.caseId)).partyMessages?.filter((m) => m.template === 'sla_breached');
    expect(breach).toEqual([expect.objectContaining({ recipientId: 'supervisors', audience: 'operations' })]);
    const { rows } = await harness.pool.query('SELECT outcome, sla_breached FROM case_facts WHERE case_id = $1', [input.caseId]);
    expect(rows).toEqual([{ outcome: 'closed_without_answer', sla_breached: ['answer'] }]);
    await expect(harness.action(input.caseId, 'answer', { kind: 'agent', id: 'ops-1' }, { text: 'Too late' })).rejects.toThrow();
  });
});
