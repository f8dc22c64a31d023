import type { Pool, PoolClient } from 'pg';

/** One message to a customer that the notification gateway accepted. */
export interface CaseNotification {
  idempotencyKey: string;
  caseId: string;
  template: string;
  messageId: string;
  sentAt: string;
}

/** Idempotent by the message's key: a retried activity finds its message there already. */
export async function recordCaseNotification(pool: Pool, n: CaseNotification): Promise<void> {
  await pool.query(
    `INSERT INTO case_notifications (idempotency_key, case_id, template, message_id, sent_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING`,
    [n.idempotencyKey, n.caseId, n.template, n.messageId, n.sentAt],
  );
}

/** The templates of the messages each case's customer was sent, one entry per message. */
export async function sentTemplates(db: Pool | PoolClient, caseIds: string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ case_id: string; template: string }>(
    'SELECT case_id, template FROM case_notifications WHERE case_id = ANY ($1::text[])',
    [caseIds],
  );
  const byCase = new Map<string, string[]>();
  for (const { case_id, template } of rows) byCase.set(case_id, [...(byCase.get(case_id) ?? []), template]);
  return byCase;
}
