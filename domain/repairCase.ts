import { z } from 'zod';
import { Sku } from './case';

/**
 * The repair lifecycle (design.md §5). As for returns, the workflow's validators and the API's
 * allowed actions both read these tables.
 */

export const RepairStatus = z
  .enum([
    'requested',
    'troubleshooting',
    'repair_ordered',
    'visit_scheduled',
    'at_supplier',
    'awaiting_quote_approval',
    'repairing',
    'awaiting_ship_back',
    'shipped_back',
    'replacing',
    'refunding',
    'closed',
  ])
  .meta({ id: 'RepairStatus' });
export type RepairStatus = z.infer<typeof RepairStatus>;

export const RepairOutcome = z
  .enum([
    'resolved_remotely',
    'repaired',
    'returned_unrepaired',
    'replaced',
    'refunded',
    'cancelled_by_customer',
    'failed',
  ])
  .meta({ id: 'RepairOutcome' });
export type RepairOutcome = z.infer<typeof RepairOutcome>;

export const ProductCategory = z
  .enum(['phone', 'laptop', 'headphones', 'small_appliance', 'large_appliance', 'tv'])
  .meta({ id: 'ProductCategory' });
export type ProductCategory = z.infer<typeof ProductCategory>;

export const RepairItem = z
  .object({
    sku: Sku,
    category: ProductCategory,
    serialNumber: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'RepairItem' });
export type RepairItem = z.infer<typeof RepairItem>;

/** Customer and agent actions on a repair, as exposed by POST /v1/cases/:id/actions/:action. */
export const RepairAction = z
  .enum(['fixed', 'not_fixed', 'approve-quote', 'decline-quote', 'confirm', 'reschedule', 'cancel'])
  .meta({ id: 'RepairAction' });
export type RepairAction = z.infer<typeof RepairAction>;

/** Steps a supplier reports through its signed webhook. */
export const SupplierStep = z
  .enum(['received', 'diagnosed', 'repaired', 'unrepairable', 'shipped_back', 'visit_completed'])
  .meta({ id: 'SupplierStep' });
export type SupplierStep = z.infer<typeof SupplierStep>;

export const VisitOutcome = z.enum(['repaired', 'unrepairable']).meta({ id: 'VisitOutcome' });
export type VisitOutcome = z.infer<typeof VisitOutcome>;

const actionsByStatus: Record<RepairStatus, readonly RepairAction[]> = {
  requested: ['cancel'],
  troubleshooting: ['fixed', 'not_fixed', 'cancel'],
  repair_ordered: [],
  visit_scheduled: ['reschedule'],
  at_supplier: [],
  awaiting_quote_approval: ['approve-quote', 'decline-quote'],
  repairing: [],
  awaiting_ship_back: [],
  shipped_back: ['confirm'],
  replacing: [],
  refunding: [],
  closed: [],
};

const stepsByStatus: Record<RepairStatus, readonly SupplierStep[]> = {
  requested: [],
  troubleshooting: [],
  repair_ordered: ['received'],
  visit_scheduled: ['visit_completed'],
  at_supplier: ['diagnosed'],
  awaiting_quote_approval: [],
  repairing: ['repaired', 'unrepairable'],
  awaiting_ship_back: ['shipped_back'],
  shipped_back: [],
  replacing: [],
  refunding: [],
  closed: [],
};

export function allowedRepairActions(status: RepairStatus): readonly RepairAction[] {
  return actionsByStatus[status];
}

export function allowedSupplierSteps(status: RepairStatus): readonly SupplierStep[] {
  return stepsByStatus[status];
}
