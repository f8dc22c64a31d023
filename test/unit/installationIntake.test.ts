import type { IntakeRecords } from '../../domain/process';
import { checkInstallation, InstallationCaseRequest } from '../../workflows/installations/intake';
import { installationPolicy } from '../../workflows/installations/policy';

const policy = installationPolicy.profiles.standard;
const request = InstallationCaseRequest.parse({ type: 'installation', channel: 'web', customer: { id: 'cust-1' }, orderId: 'ord-1', item: { sku: 'FRIDGE-9' } });

function records(deliveredAt: string | null, category = 'large_appliance'): IntakeRecords {
  return {
    order: {
      id: 'ord-1',
      customerId: 'cust-1',
      currency: 'EUR',
      purchasedAt: '2026-11-28T10:00:00.000Z',
      deliveredAt,
      channel: 'web',
      storeId: null,
      lines: [{ sku: 'FRIDGE-9', category, quantity: 1, unitPrice: 89_900, returned: 0 }],
    },
  } as IntakeRecords;
}

describe('what intake lets a technician install', () => {
  test('a delivered product of a category the policy installs', () => {
    expect(checkInstallation(request, records('2026-11-30T10:00:00.000Z'), policy)).toEqual([]);
  });

  test('not before the order has arrived', () => {
    expect(checkInstallation(request, records(null), policy)).toEqual([{ path: ['orderId'], message: expect.stringContaining('not been delivered') }]);
  });

  test('not a category the policy does not install, naming those it does', () => {
    expect(checkInstallation(request, records('2026-11-30T10:00:00.000Z', 'small_appliance'), policy)).toEqual([
      { path: ['item', 'sku'], message: 'FRIDGE-9 is a small_appliance product: installation is offered for large_appliance, tv' },
    ]);
  });

  test('not a product the order does not hold', () => {
    const other = InstallationCaseRequest.parse({ ...request, item: { sku: 'TV-55' } });
    expect(checkInstallation(other, records('2026-11-30T10:00:00.000Z'), policy)).toEqual([
      { path: ['item', 'sku'], message: 'TV-55 is not a line of order ord-1' },
    ]);
  });
});
