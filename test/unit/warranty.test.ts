import { warrantyStatus } from '../../workflows/repairs/warranty';
import { repairCaseInput } from '../support/repairCases';

function purchased(at: string, category: 'phone' | 'headphones' = 'phone') {
  const input = repairCaseInput({ item: { category } });
  return { ...input, order: { ...input.order, purchasedAt: at } };
}

describe('warranty', () => {
  it('runs the category months from purchase, inclusive of the last day', () => {
    const phone = purchased('2024-11-22T10:00:00Z');
    expect(warrantyStatus(phone, new Date('2026-11-22T09:00:00Z'))).toEqual({ inWarranty: true, endsAt: '2026-11-22T10:00:00.000Z' });
    expect(warrantyStatus(phone, new Date('2026-11-22T10:00:00Z')).inWarranty).toBe(true);
    expect(warrantyStatus(phone, new Date('2026-11-22T10:00:00.001Z')).inWarranty).toBe(false);
  });

  it('uses each category its own months', () => {
    const bought = '2025-11-01T00:00:00Z';
    const now = new Date('2026-12-01T00:00:00Z');
    expect(warrantyStatus(purchased(bought, 'phone'), now).inWarranty).toBe(true);
    expect(warrantyStatus(purchased(bought, 'headphones'), now).inWarranty).toBe(false);
  });

  it('ends on the last day of a shorter month instead of spilling into the next', () => {
    expect(warrantyStatus(purchased('2024-08-31T12:00:00Z', 'headphones'), new Date()).endsAt).toBe('2025-08-31T12:00:00.000Z');
    const leapDay = purchased('2024-02-29T12:00:00Z', 'headphones');
    expect(warrantyStatus(leapDay, new Date()).endsAt).toBe('2025-02-28T12:00:00.000Z');
  });
});
