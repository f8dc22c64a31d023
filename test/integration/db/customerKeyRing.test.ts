import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { PayloadKey } from '../../../config/payloadKeys';
import { CustomerKeyRing } from '../../../db/customerKeyRing';
import { openCase } from '../../../db/caseRecords';
import { caseInput, createTestPool } from './caseStoreFixtures';

/** Customers' data keys in PostgreSQL, as the payload codec of every worker and API instance uses them. */

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

const master = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const caseId = () => `case_${randomBytes(13).toString('hex')}`;

async function caseOf(customerId: string): Promise<string> {
  const id = caseId();
  expect((await openCase(pool, caseInput({ caseId: id, customerId }))).kind).toBe('created');
  return id;
}

describe('the customer key ring', () => {
  it('gives every case of a customer, and the workflows they start, the one key, stored wrapped under a keyed hash', async () => {
    const customerId = `cust-${randomUUID()}`;
    const [first, second] = [await caseOf(customerId), await caseOf(customerId)];
    const ring = new CustomerKeyRing(pool, [master('m1')], 60_000);
    // Two workers meeting the customer's first cases at once still share one key.
    const [a, b] = await Promise.all([ring.keyForWorkflow(first), new CustomerKeyRing(pool, [master('m1')], 60_000).keyForWorkflow(second)]);
    const survey = await ring.keyForWorkflow(`${first}:feedback`);

    const { rows } = await pool.query('SELECT * FROM customer_data_keys WHERE key_id = $1', [a!.id]);
    expect(b).toBeDefined();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(customerId);
    expect(rows[0].wrapped_key.includes(a!.key)).toBe(false);
    expect(survey).toEqual(a);
    expect(await ring.keyById(a!.id)).toEqual(a);
  });

  it('has no key for a workflow that is no stored case’s: the master key encrypts it', async () => {
    const ring = new CustomerKeyRing(pool, [master('m1')], 60_000);

    expect(await ring.keyForWorkflow('after-sales.quality-sample')).toBeUndefined();
    expect(await ring.keyForWorkflow(caseId())).toBeUndefined();
  });

  it('destroys a customer’s keys: every process then finds them erased, and a new case of theirs gets a new key', async () => {
    const customerId = `cust-${randomUUID()}`;
    const keys = [master('m1')];
    const [ring, otherProcess] = [new CustomerKeyRing(pool, keys, 60_000), new CustomerKeyRing(pool, keys, 0)];
    const old = (await ring.keyForWorkflow(await caseOf(customerId)))!;
    const someoneElse = (await ring.keyForWorkflow(await caseOf(`cust-${randomUUID()}`)))!;
    // Read once before, as a worker decoding the customer's history would have.
    expect(await ring.keyById(old.id)).toEqual(old);

    const destroyed = await ring.destroyKeys(pool, [customerId]);
    ring.forget(destroyed);
    expect(destroyed).toEqual([old.id]);
    expect(await ring.destroyKeys(pool, [customerId])).toEqual([]);

    expect(await ring.keyById(old.id)).toBe('erased');
    expect(await otherProcess.keyById(old.id)).toBe('erased');
    expect(await ring.keyById(someoneElse.id)).toEqual(someoneElse);
    const fresh = await ring.keyForWorkflow(await caseOf(customerId));
    expect(fresh!.id).not.toBe(old.id);
  });

  it('makes a case’s first look-up wait while an erasure holds its customer’s key, and then gives it a new key', async () => {
    const customerId = `cust-${randomUUID()}`;
    const keys = [master('m1')];
    const old = (await new CustomerKeyRing(pool, keys, 0).keyForWorkflow(await caseOf(customerId)))!;
    const opened = await caseOf(customerId);
    const erasure = await pool.connect();
    try {
      await erasure.query('BEGIN');
      await new CustomerKeyRing(pool, keys, 0).destroyKeys(erasure, [customerId]);
      let answered = false;
      const lookUp = new CustomerKeyRing(pool, keys, 0).keyForWorkflow(opened).finally(() => {
        answered = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      await erasure.query('COMMIT');

      expect((await lookUp)!.id).not.toBe(old.id);
    } finally {
      erasure.release();
    }
  });

  it('after a rotation, keeps reading keys wrapped under the old master key and destroys them too', async () => {
    const customerId = `cust-${randomUUID()}`;
    const [m1, m2] = [master('m1'), master('m2')];
    const before = (await new CustomerKeyRing(pool, [m1], 0).keyForWorkflow(await caseOf(customerId)))!;
    const rotated = new CustomerKeyRing(pool, [m2, m1], 0);
    const after = (await rotated.keyForWorkflow(await caseOf(customerId)))!;

    expect(after.id).not.toBe(before.id);
    expect(await rotated.keyById(before.id)).toEqual(before);
    expect(await rotated.destroyKeys(pool, [customerId])).toHaveLength(2);
    await expect(new CustomerKeyRing(pool, [m2], 0).keyById(after.id)).resolves.toBe('erased');
  });
});
