import type { PartnerOperation } from './faults';

/**
 * Replies remembered by Idempotency-Key, per operation, the way real payment and carrier APIs do:
 * a retried request gets the first answer back and changes nothing. This is what lets a test prove
 * that a retried activity issued exactly one refund.
 */

export interface PartnerReply {
  status: number;
  body: unknown;
}

export class IdempotentReplies {
  private readonly replies = new Map<string, PartnerReply>();

  get(operation: PartnerOperation, key: string): PartnerReply | undefined {
    return this.replies.get(`${operation} ${key}`);
  }

  remember(operation: PartnerOperation, key: string, reply: PartnerReply): void {
    this.replies.set(`${operation} ${key}`, reply);
  }

  reset(): void {
    this.replies.clear();
  }
}
