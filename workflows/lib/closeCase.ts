import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { ResolutionKind } from '../../domain/case';
import { askForFeedback, type SurveyedCase } from '../feedback/askForFeedback';
import { type FactBook, type FactSlots, settleAll } from './factHandlers';

/**
 * Closes the case record with its outcome, ends its open escalation, asks the customer for
 * feedback, answers every request still waiting (a step accepted just as the case closed gets the
 * closed status), and lets running handlers finish before the workflow completes.
 */
export async function closeCase<Facts extends FactSlots<Facts>>(
  book: FactBook<Facts>,
  closing: { outcome: string; resolution: ResolutionKind; data?: Record<string, unknown>; surveyed: SurveyedCase; supplierId?: string },
): Promise<void> {
  const { outcome, resolution, data = {} } = closing;
  await book.journal.record('case.closed', {
    status: 'closed',
    data: { outcome, ...data },
    patch: { outcome, resolution, deadlines: [], closedAt: new Date().toISOString() },
  });
  await book.escalation?.caseClosed();
  await askForFeedback(closing.surveyed, outcome, closing.supplierId);
  settleAll(book);
  await condition(allHandlersFinished);
}
