import { randomUUID } from 'node:crypto';
import { createPartnerReviewActivities } from '../../activities/partnerReview';
import { partnerPolicies } from '../../config/policies/partnerPolicy';
import { recordSupplierStep } from '../../db/supplierScorecard';
import { brandReturn, daysAgo, ratedCase } from '../support/partnerCases';
import { ApiHarness } from './support/apiHarness';

/**
 * Partner governance over HTTP (docs/partners.md), on cases built for the purpose under the
 * standard partner policy: 30 days back; supplier steps within 48 h, at least 90 % of 10 or more;
 * returns refunded within 7 days of receipt, at least 95 % of 5 or more; at most 10 % of 5 or more
 * ratings low and put on the partner (a brand: CSAT ≤ 2 for product quality). Each figure below
 * is counted by hand from the cases the test makes.
 */

let api: ApiHarness;
const run = randomUUID().slice(0, 8);
const supplier = `fixit-${run}`;
const otherSupplier = `mendit-${run}`;
const brandA = `alpenrose-${run}`;
const brandB = `brightline-${run}`;
const HOUR_MS = 3_600_000;

/** A step requested `daysBack` days ago, due a day later, completed `afterHours` after the request. */
function step(i: number, daysBack: number, afterHours: number) {
  const requested = Date.parse(daysAgo(daysBack));
  const at = (ms: number) => new Date(requested + ms).toISOString();
  return recordSupplierStep(api.deps.pool, {
    supplierId: supplier,
    caseId: `${supplier}-case-${i}`,
    step: 'diagnosed',
    requestedAt: at(0),
    completedAt: at(afterHours * HOUR_MS),
    dueAt: at(24 * HOUR_MS),
  });
}

beforeAll(async () => {
  api = await ApiHarness.start('api-partners');
  const { pool } = api.deps;

  // The supplier: 10 steps in the window, 8 within 48 h (6 of them also by their due time, 2 after
  // it), 2 after 60 h; one more 40 days ago, outside the window.
  for (let i = 0; i < 6; i++) await step(i, 5 + i, 10);
  for (let i = 6; i < 8; i++) await step(i, 5 + i, 30);
  for (let i = 8; i < 10; i++) await step(i, 5 + i, 60);
  await step(10, 40, 10);
  // Its ratings in the window: 4, one low and put on it by the survey, one low for another reason;
  // an older one put on it is outside the window.
  const repairBy = { supplierId: supplier };
  const onSupplier = { kind: 'supplier', id: supplier } as const;
  await ratedCase(pool, { repair: repairBy, ratedDaysAgo: 3, csat: 1, reasons: ['repair_quality'], attributedTo: onSupplier });
  await ratedCase(pool, { repair: repairBy, ratedDaysAgo: 4, csat: 5 });
  await ratedCase(pool, { repair: repairBy, ratedDaysAgo: 5, csat: 4 });
  await ratedCase(pool, { repair: repairBy, ratedDaysAgo: 6, csat: 2, reasons: ['delivery'] });
  await ratedCase(pool, { repair: repairBy, ratedDaysAgo: 45, csat: 1, reasons: ['repair_quality'], attributedTo: onSupplier });

  // Brand A's returns received in the window: 5 refunded within 7 days (one with an own-label item,
  // one with a brand B item, one with two of its items), one refunded after 8 days and one never
  // (both due); one received 2 days ago and not refunded yet (pending); one refused at inspection
  // (owed nothing); one received 40 days ago (outside).
  await brandReturn(pool, { brands: [brandA, undefined], receivedDaysAgo: 20, refundedAfterDays: 1 });
  await brandReturn(pool, { brands: [brandA, brandB], receivedDaysAgo: 15, refundedAfterDays: 2 });
  await brandReturn(pool, { brands: [brandA], receivedDaysAgo: 12, refundedAfterDays: 6.5 });
  await brandReturn(pool, { brands: [brandA], receivedDaysAgo: 11, refundedAfterDays: 3 });
  await brandReturn(pool, { brands: [brandA, brandA], receivedDaysAgo: 10, refundedAfterDays: 0.5 });
  await brandReturn(pool, { brands: [brandA], receivedDaysAgo: 25, refundedAfterDays: 8 });
  await brandReturn(pool, { brands: [brandA], receivedDaysAgo: 9 });
  await brandReturn(pool, { brands: [brandA], receivedDaysAgo: 2 });
  await brandReturn(pool, { brands: [brandA], receivedDaysAgo: 5, refusedAtInspection: true });
  await brandReturn(pool, { brands: [brandA], receivedDaysAgo: 40, refundedAfterDays: 1 });

  // Brand B's ratings in the window: 5, two low for product quality (one a repair by another
  // supplier), one low for slowness, one high naming product quality; an older low one is outside.
  await ratedCase(pool, { brands: [brandB], ratedDaysAgo: 2, csat: 1, reasons: ['product_quality'] });
  await ratedCase(pool, { brands: [brandB, undefined], ratedDaysAgo: 3, csat: 2, reasons: ['too_slow'] });
  await ratedCase(pool, { brands: [brandB], ratedDaysAgo: 4, csat: 5 });
  await ratedCase(pool, { brands: [brandB], ratedDaysAgo: 4, csat: 4, reasons: ['product_quality'] });
  const repairOfB = { supplierId: otherSupplier, brand: brandB };
  await ratedCase(pool, { repair: repairOfB, ratedDaysAgo: 5, csat: 2, reasons: ['product_quality', 'repair_quality'] });
  await ratedCase(pool, { brands: [brandB], ratedDaysAgo: 50, csat: 1, reasons: ['product_quality'] });
});

afterAll(async () => {
  await api.close();
});

const { stepsOnTime, returnsHonoured, negativeRatings } = partnerPolicies.standard;
const ratingsTarget = { maxShare: negativeRatings.maxShare, minVolume: negativeRatings.minVolume };

const expected = {
  supplier: {
    kind: 'supplier',
    id: supplier,
    measures: {
      stepsOnTime: { verdict: 'below', volume: 10, count: 8, share: 0.8, target: stepsOnTime, againstDueAt: { onTime: 6, late: 4 } },
      negativeRatings: { verdict: 'too_few', volume: 4, count: 1, share: 0.25, target: ratingsTarget },
    },
    flagged: true,
    reasons: [
      {
        code: 'steps_late',
        text: {
          en: '80 % of supplier steps came within 48 hours of the request (8 of 10); the policy asks at least 90 %',
          'zh-CN': '在请求后 48 小时内完成的供应商步骤仅占 80 %（10 个中 8 个），政策要求至少 90 %',
        },
      },
    ],
    flaggedSince: null,
  },
  brandA: {
    kind: 'brand',
    id: brandA,
    measures: {
      returnsHonoured: { verdict: 'below', volume: 7, count: 5, share: 5 / 7, target: returnsHonoured, pending: 1 },
      negativeRatings: { verdict: 'too_few', volume: 0, count: 0, share: null, target: ratingsTarget },
    },
    flagged: true,
    reasons: [
      {
        code: 'returns_not_honoured',
        text: {
          en: '71.4 % of returns of its products were refunded within 7 days of reaching the warehouse (5 of 7); the policy asks at least 95 %',
          'zh-CN': '其产品的退货在到达仓库后 7 天内退款的仅占 71.4 %（7 件中 5 件），政策要求至少 95 %',
        },
      },
    ],
    flaggedSince: null,
  },
  brandB: {
    kind: 'brand',
    id: brandB,
    measures: {
      returnsHonoured: { verdict: 'too_few', volume: 1, count: 1, share: 1, target: returnsHonoured, pending: 0 },
      negativeRatings: { verdict: 'below', volume: 5, count: 2, share: 0.4, target: ratingsTarget },
    },
    flagged: true,
    reasons: [
      {
        code: 'negative_ratings',
        text: {
          en: '40 % of its rated cases had a low rating put on it (2 of 5); the policy allows at most 10 %',
          'zh-CN': '其被评价的案件中有 40 % 的差评归因于它（5 个中 2 个），政策最多允许 10 %',
        },
      },
    ],
    flaggedSince: null,
  },
  otherSupplier: {
    kind: 'supplier',
    id: otherSupplier,
    measures: {
      stepsOnTime: { verdict: 'too_few', volume: 0, count: 0, share: null, target: stepsOnTime, againstDueAt: { onTime: 0, late: 0 } },
      negativeRatings: { verdict: 'too_few', volume: 1, count: 0, share: 0, target: ratingsTarget },
    },
    flagged: false,
    reasons: [],
    flaggedSince: null,
  },
};

describe('GET /v1/partners', () => {
  it('shows every supplier and brand with its figures, flag and why, flagged first', async () => {
    const res = await api.as({ sub: 'sup-1', role: 'supervisor' }).get('/v1/partners');

    expect(res.status).toBe(200);
    const partners = res.body.partners as { kind: string; id: string; flagged: boolean }[];
    const of = (kind: string, id: string) => partners.find((p) => p.kind === kind && p.id === id);
    expect(of('supplier', supplier)).toEqual(expected.supplier);
    expect(of('brand', brandA)).toEqual(expected.brandA);
    expect(of('brand', brandB)).toEqual(expected.brandB);
    expect(of('supplier', otherSupplier)).toEqual(expected.otherSupplier);
    // Every supplier the repair policy routes to is there, with or without history.
    for (const id of ['acme-repairs', 'homeserve']) expect(of('supplier', id)).toMatchObject({ kind: 'supplier', id });
    const firstUnflagged = partners.findIndex((p) => !p.flagged);
    expect(partners.slice(firstUnflagged).every((p) => !p.flagged)).toBe(true);
    const window = { from: expect.any(String), to: expect.any(String) };
    expect(res.body).toMatchObject({ policyVersion: partnerPolicies.standard.version, window });
    expect(Date.parse(res.body.window.to) - Date.parse(res.body.window.from)).toBe(partnerPolicies.standard.lookBackMs);
  });

  it('is for supervisors and admins only', async () => {
    expect((await api.as({ sub: 'agent-ana', role: 'agent' }).get('/v1/partners')).status).toBe(403);
    expect((await api.as({ sub: supplier, role: 'supplier' }).get(`/v1/partners/supplier/${supplier}`)).status).toBe(403);
    expect((await api.as(null).get('/v1/partners')).status).toBe(401);
  });
});

describe('GET /v1/partners/:kind/:id', () => {
  it("shows a supplier's standing with its all-time supplier scorecard", async () => {
    const res = await api.get(`/v1/partners/supplier/${supplier}`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...expected.supplier, policyVersion: partnerPolicies.standard.version });
    // All time: the step and the low rating from before the window count here.
    expect(res.body.supplierScorecard).toMatchObject({ supplierId: supplier, steps: { onTime: 7, late: 4 }, ratings: { negative: 2 } });
  });

  it("shows a brand's standing, and a brand without history with zeros, not flagged", async () => {
    const brand = await api.get(`/v1/partners/brand/${brandA}`);
    const unknown = await api.get(`/v1/partners/brand/nobody-${run}`);

    expect(brand.body).toMatchObject(expected.brandA);
    expect(brand.body).not.toHaveProperty('supplierScorecard');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({
      kind: 'brand',
      id: `nobody-${run}`,
      measures: {
        returnsHonoured: { verdict: 'too_few', volume: 0, count: 0, share: null, pending: 0 },
        negativeRatings: { verdict: 'too_few', volume: 0, count: 0, share: null },
      },
      flagged: false,
      reasons: [],
      flaggedSince: null,
    });
  });

  it('says since when the daily review has had a partner flagged', async () => {
    const day = new Date().toISOString().slice(0, 10);
    await createPartnerReviewActivities(api.deps.pool).reviewPartners({ at: new Date().toISOString(), day, policy: partnerPolicies.standard });

    expect((await api.get(`/v1/partners/brand/${brandB}`)).body).toMatchObject({ flagged: true, flaggedSince: day });
    expect((await api.get(`/v1/partners/supplier/${otherSupplier}`)).body).toMatchObject({ flagged: false, flaggedSince: null });
  });

  it('answers 400 for a kind of partner that is not governed', async () => {
    const res = await api.get('/v1/partners/carrier/dhl');

    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'path', path: 'kind' }));
  });
});

describe('the brand at intake', () => {
  /** An order of catalogue products in the simulated order system, which files each under its brand. */
  async function orderOf(skus: string[]) {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const res = await fetch(`${api.simulatorUrl}/sim/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId,
        customer: { name: 'Brand Tester' },
        purchasedAt: daysAgo(4),
        deliveredAt: daysAgo(3),
        lines: skus.map((sku) => ({ sku, quantity: 1 })),
      }),
    });
    expect(res.status).toBe(201);
    return { customerId, orderId: ((await res.json()) as { id: string }).id };
  }

  it("puts each item's brand from the order system on the case record, none on the shop's own", async () => {
    const sneakers = await orderOf(['SNEAKER-42', 'HOODIE-M']);
    const tv = await orderOf(['TV-55']);
    const items = ['SNEAKER-42', 'HOODIE-M'].map((sku) => ({ sku, quantity: 1, condition: 'unopened' }));
    const returned = await api.openCase({
      type: 'return',
      channel: 'web',
      customer: { id: sneakers.customerId },
      orderId: sneakers.orderId,
      items,
      reason: 'too small',
    });
    const repaired = await api.openCase({
      type: 'repair',
      channel: 'app',
      customer: { id: tv.customerId },
      orderId: tv.orderId,
      item: { sku: 'TV-55' },
      problem: 'no picture',
    });

    const { details: returnDetails } = (await api.get(`/v1/cases/${returned}`)).body;
    expect(returnDetails.items).toEqual([
      { sku: 'SNEAKER-42', quantity: 1, condition: 'unopened', brand: 'stride' },
      { sku: 'HOODIE-M', quantity: 1, condition: 'unopened' },
    ]);
    expect((await api.get(`/v1/cases/${repaired}`)).body.details.item).toMatchObject({ sku: 'TV-55', brand: 'polaris' });
  });
});
