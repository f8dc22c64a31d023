import { randomUUID } from 'node:crypto';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { suggestionPolicy } from '../../../workflows/suggestions/policy';
import { testFeedbackPolicy } from '../../support/feedbackPolicies';
import { testSlaPolicy } from '../../support/slaPolicies';
import { WorkflowHarness } from '../../support/workflowHarness';

/**
 * A worker that does not trace, as production runs by default (the run's workflow bundle):
 * the workflows it starts run without Temporal's OpenTelemetry interceptors, and their history
 * says so before anything else, so that every worker replays them that way
 * (tracing/workflowInterceptors.ts). Workers that trace are in test/e2e/traces.test.ts.
 */
let harness: WorkflowHarness;
beforeAll(async () => {
  harness = await WorkflowHarness.start('untraced-workflow');
});
afterAll(async () => {
  await harness?.close();
});

it('starts a workflow without the tracing interceptors, and its history says so before its first command', async () => {
  const caseId = `case-untraced-${randomUUID()}`;
  const handle = await harness.startSuggestion({
    caseId,
    type: 'suggestion',
    channel: 'app',
    customer: { id: `cust-${randomUUID().slice(0, 8)}`, segment: 'standard', language: 'en', advisorId: null },
    feedback: testFeedbackPolicy,
    text: 'Please pack it with less plastic.',
    policy: { ...suggestionPolicy.profiles.standard, version: 'suggestions/test' },
    sla: testSlaPolicy,
    requestedAt: new Date().toISOString(),
  });
  await harness.waitForStatus(caseId, 'with_product');
  await harness.action(caseId, 'answer', { kind: 'agent', id: 'ops-1' }, { text: 'From next month on.' });
  await handle.result();

  const events = (await handle.fetchHistory()).events ?? [];
  const firstCommand = events[events.findIndex((e) => e.workflowTaskCompletedEventAttributes) + 1];
  const patch = firstCommand?.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
  expect(JSON.parse(Buffer.from(patch ?? []).toString() || '{}')).toMatchObject({ id: 'workflow-untraced' });
  // What it started (its survey, as a child) carries no trace context, as it would from a traced workflow.
  const started = events.flatMap((e) => e.activityTaskScheduledEventAttributes ?? e.startChildWorkflowExecutionInitiatedEventAttributes ?? []);
  expect(started.length).toBeGreaterThan(0);
  expect(started.filter((attributes) => TRACE_HEADER in (attributes.header?.fields ?? {}))).toEqual([]);
});
