import { randomUUID } from 'node:crypto';
import type { ScheduleHandle } from '@temporalio/client';
import { partnerPolicies } from '../../../config/policies/partnerPolicy';
import { openFlags } from '../../../db/partnerFlags';
import { ensureSchedules, scheduleIdOf } from '../../../worker/schedules';
import type { PartnerReviewResult } from '../../../workflows/partners/input';
import { partnerReviewSchedule } from '../../../workflows/partners/schedule';
import { ratedCase } from '../../support/partnerCases';
import { triggerAndWait } from '../../support/schedules';
import { WorkflowHarness } from '../../support/workflowHarness';

/**
 * The daily partner review on the real server (docs/partners.md), run by its schedule as workers
 * create it at start-up, under the standard policy: a brand whose rated cases are more than 10 %
 * low ratings for product quality (5 or more rated) is flagged, operations are told once, and the
 * flag clears when the brand recovers.
 */

const policy = partnerPolicies.standard;
const brand = `quillstone-${randomUUID().slice(0, 8)}`;
let harness: WorkflowHarness;
let schedule: ScheduleHandle;

beforeAll(async () => {
  harness = await WorkflowHarness.start('partner-review');
  schedule = harness.client.schedule.getHandle(scheduleIdOf(harness.taskQueue, 'partner-review'));
});
afterAll(async () => {
  await schedule?.delete().catch(() => undefined);
  await harness?.close();
});

const review = () => triggerAndWait<PartnerReviewResult>(schedule, harness.client.workflow);

/** Ratings on returns of the brand's products, given yesterday. */
async function ratings(count: number, rating: { csat: number; reasons?: ['product_quality'] }): Promise<void> {
  for (let i = 0; i < count; i++) await ratedCase(harness.pool, { brands: [brand], ratedDaysAgo: 1, ...rating });
}

interface PartyMessage {
  template: string;
  recipientId: string;
  audience: string;
  data: Record<string, any>;
}

/** What the notification gateway received for operations about the brand. */
async function noticesOfBrand(): Promise<PartyMessage[]> {
  const res = await fetch(`${harness.sim.url}/sim/records`);
  const { partyMessages } = (await res.json()) as { partyMessages: PartyMessage[] };
  return partyMessages.filter((m) => m.template === 'partner_flagged' && m.data.id === brand);
}

it('is a daily schedule at the policy’s time, pinning the policy', async () => {
  expect(await ensureSchedules(harness.client, harness.taskQueue, [partnerReviewSchedule(policy)])).toEqual([
    { scheduleId: schedule.scheduleId, change: 'created' },
  ]);
  const described = await schedule.describe();
  expect(described.spec.timezone).toBe(policy.timeZone);
  expect(described.spec.calendars).toEqual([
    expect.objectContaining({
      hour: [expect.objectContaining({ start: policy.reviewAt.hour, end: policy.reviewAt.hour })],
      minute: [expect.objectContaining({ start: policy.reviewAt.minute, end: policy.reviewAt.minute })],
    }),
  ]);
  expect(described.action).toMatchObject({ workflowType: 'partnerReview', taskQueue: harness.taskQueue, args: [{ policy }] });
});

it('tells operations once of a newly flagged partner, and clears the flag when it recovers', async () => {
  // 1 low rating for product quality in 5: 20 %, above the 10 % the policy allows.
  await ratings(1, { csat: 1, reasons: ['product_quality'] });
  await ratings(4, { csat: 5 });

  const first = await review();

  expect(first.told).toContainEqual({ kind: 'brand', id: brand });
  const notices = await noticesOfBrand();
  expect(notices).toEqual([
    expect.objectContaining({
      audience: 'operations',
      recipientId: 'operations',
      data: expect.objectContaining({
        kind: 'brand',
        id: brand,
        flagDay: first.day,
        scorecard: `/v1/partners/brand/${brand}`,
        reasons: [
          {
            code: 'negative_ratings',
            text: {
              en: '20 % of its rated cases had a low rating put on it (1 of 5); the policy allows at most 10 %',
              'zh-CN': '其被评价的案件中有 20 % 的差评归因于它（5 个中 1 个），政策最多允许 10 %',
            },
          },
        ],
      }),
    }),
  ]);

  const second = await review();

  expect(second.told).not.toContainEqual({ kind: 'brand', id: brand });
  expect(await noticesOfBrand()).toHaveLength(1);
  expect(await openFlags(harness.pool)).toContainEqual(expect.objectContaining({ kind: 'brand', id: brand, flagDay: first.day }));

  // 5 more good ratings: 1 in 10 is the policy's 10 %, no longer above it.
  await ratings(5, { csat: 5 });
  const third = await review();

  expect(third.cleared).toContainEqual({ kind: 'brand', id: brand });
  expect(await openFlags(harness.pool)).not.toContainEqual(expect.objectContaining({ kind: 'brand', id: brand }));
  expect(await noticesOfBrand()).toHaveLength(1);
});
