import type { Pool } from 'pg';
import { customerKeyId, type DataKey, newDataKey, unwrapDataKey, wrapDataKey } from '../config/dataKeys';
import { AesGcmPayloadCodec, type CustomerKeys } from '../config/payloadCodec';
import type { PayloadKey } from '../config/payloadKeys';
import { caseIdOfWorkflow } from '../domain/caseId';
import { ExpiringCache } from './expiringCache';

type Queryable = Pick<Pool, 'query'>;

interface KeyRow {
  key_id: string;
  master_key_id: string;
  wrapped_key: Buffer | null;
}

/**
 * Customers' data keys over PostgreSQL (customer_data_keys), for the payload codec: a case's
 * workflows get its customer's live key, created on first use; a payload names its key, which is
 * found by id, or is known to be destroyed. Keys are kept in memory for a while (the privacy
 * policy's dataKeyCacheMs), so a worker does not read the database for every payload; an erasure
 * forgets the keys it destroys in its own process at once.
 */
export class CustomerKeyRing implements CustomerKeys {
  private readonly byCase: ExpiringCache<DataKey>;
  private readonly byId: ExpiringCache<DataKey | 'erased'>;
  private readonly masters: ReadonlyMap<string, PayloadKey>;
  private readonly active: PayloadKey;

  constructor(
    private readonly pool: Pool,
    masterKeys: readonly PayloadKey[],
    cacheMs: number,
  ) {
    const [active] = masterKeys;
    if (!active) throw new Error('a customer key ring needs at least one master key');
    this.active = active;
    this.masters = new Map(masterKeys.map((k) => [k.id, k]));
    this.byCase = new ExpiringCache(cacheMs);
    this.byId = new ExpiringCache(cacheMs);
  }

  /** The customer's key id under the active master key: how the audit names them. */
  customerKeyId(customerId: string): string {
    return customerKeyId(this.active, customerId);
  }

  /** The customer's key ids under every configured master key, the active one's first. */
  customerKeyIds(customerId: string): string[] {
    return [...this.masters.values()].map((master) => customerKeyId(master, customerId));
  }

  async keyForWorkflow(workflowId: string): Promise<DataKey | undefined> {
    const caseId = caseIdOfWorkflow(workflowId);
    if (!caseId) return undefined;
    const cached = this.byCase.get(caseId);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ customer_id: string; erased_at: string | null }>(
      'SELECT customer_id, erased_at FROM cases WHERE id = $1',
      [caseId],
    );
    const row = rows[0];
    // Every case of the API is stored before its workflow starts; a workflow without one is a test's or a tool's.
    if (!row) return undefined;
    if (row.erased_at) throw new Error(`case ${caseId} was erased: nothing is written for it any more`);
    const key = await this.liveKey(row.customer_id);
    this.byCase.set(caseId, key);
    return key;
  }

  async keyById(id: string): Promise<DataKey | 'erased'> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const { rows } = await this.pool.query<KeyRow>('SELECT key_id, master_key_id, wrapped_key FROM customer_data_keys WHERE key_id = $1', [
      id,
    ]);
    const row = rows[0];
    if (!row) throw new Error(`payload encrypted with data key "${id}", which this database does not hold`);
    const key = row.wrapped_key ? this.unwrap(row) : 'erased';
    this.byId.set(id, key);
    return key;
  }

  /**
   * Locks the customers' live keys until the caller's transaction ends: a first case's look-up
   * of one (liveKey) waits, and then finds it destroyed or not. An erasure locks them before it
   * checks that the customer has nothing open, so no case can start under a key it destroys.
   */
  async lockKeys(db: Queryable, customerIds: readonly string[]): Promise<void> {
    await db.query('SELECT 1 FROM customer_data_keys WHERE customer_key_id = ANY ($1::text[]) AND destroyed_at IS NULL FOR UPDATE', [
      customerIds.flatMap((id) => this.customerKeyIds(id)),
    ]);
  }

  /**
   * Destroys the customers' data keys, under every configured master key, in the erasure's
   * transaction (`db`): their payloads become unreadable. The ids of the keys destroyed, for
   * forget() once the transaction commits.
   */
  async destroyKeys(db: Queryable, customerIds: readonly string[]): Promise<string[]> {
    const { rows } = await db.query<{ key_id: string }>(
      `UPDATE customer_data_keys SET wrapped_key = NULL, destroyed_at = now()
        WHERE customer_key_id = ANY ($1::text[]) AND destroyed_at IS NULL
       RETURNING key_id`,
      [customerIds.flatMap((id) => this.customerKeyIds(id))],
    );
    return rows.map((r) => r.key_id);
  }

  /** Stops using destroyed keys in this process at once; other processes stop within dataKeyCacheMs. */
  forget(keyIds: readonly string[]): void {
    const destroyed = new Set(keyIds);
    for (const id of destroyed) this.byId.set(id, 'erased');
    this.byCase.deleteWhere((key) => destroyed.has(key.id));
  }

  /** The customer's live key under the active master key; the first case of a customer creates it. */
  private async liveKey(customerId: string): Promise<DataKey> {
    const customerKey = customerKeyId(this.active, customerId);
    // FOR SHARE waits for an erasure holding the key (lockKeys, destroyKeys), and then finds it destroyed or not.
    const live = () =>
      this.pool.query<KeyRow>(
        'SELECT key_id, master_key_id, wrapped_key FROM customer_data_keys WHERE customer_key_id = $1 AND destroyed_at IS NULL FOR SHARE',
        [customerKey],
      );
    const found = (await live()).rows[0];
    if (found) return this.unwrap(found);
    const fresh = newDataKey();
    const created = await this.pool.query(
      `INSERT INTO customer_data_keys (key_id, customer_key_id, master_key_id, wrapped_key) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_key_id) WHERE destroyed_at IS NULL DO NOTHING`,
      [fresh.id, customerKey, this.active.id, wrapDataKey(this.active, fresh)],
    );
    if (created.rowCount === 1) return fresh;
    // Another process created it a moment before: theirs is the customer's key.
    const theirs = (await live()).rows[0];
    if (!theirs) throw new Error('a customer data key was created and destroyed while being created; retry');
    return this.unwrap(theirs);
  }

  private unwrap({ key_id: id, master_key_id: masterId, wrapped_key: wrapped }: KeyRow): DataKey {
    const master = this.masters.get(masterId);
    if (!master) throw new Error(`data key "${id}" is wrapped with key "${masterId}", which is not configured (PAYLOAD_KEYS)`);
    if (!wrapped) throw new Error(`data key "${id}" was destroyed`);
    return unwrapDataKey(master, id, wrapped);
  }
}

/** The payload codec of a process that reaches the database: each case's payloads under its customer's data key. */
export function customerPayloadCodec(pool: Pool, masterKeys: readonly PayloadKey[], cacheMs: number) {
  const keyRing = new CustomerKeyRing(pool, masterKeys, cacheMs);
  return { keyRing, payloadCodec: new AesGcmPayloadCodec(masterKeys, keyRing) };
}
