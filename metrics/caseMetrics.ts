import { Counter } from 'prom-client';
import { Channel } from '../domain/case';
import { SlaClockName } from '../config/policies/slaPolicy';
import { CaseType, processes } from '../workflows/registry';
import { registry } from './registry';

/**
 * What the business sees of the service, counted where it happens: opened by the API's intake,
 * closed and SLA events by the worker's case store, each once per case or event. Every label
 * value comes from a closed list (case types, channels, outcomes, clocks), so the series stay few.
 */

/** The clock of a repair supplier's response (workflows/repairs/supplierDesk.ts), beside the SLA policy's. */
export const SUPPLIER_RESPONSE_CLOCK = 'supplier_response';

export const casesOpened = new Counter({
  name: 'after_sales_cases_opened_total',
  help: 'Cases opened, by case type and sales channel (a replayed request or one that joined an open case opens none)',
  labelNames: ['type', 'channel'] as const,
  registers: [registry],
});

export const casesClosed = new Counter({
  name: 'after_sales_cases_closed_total',
  help: 'Cases closed, by case type and outcome',
  labelNames: ['type', 'outcome'] as const,
  registers: [registry],
});

export const slaWarnings = new Counter({
  name: 'after_sales_sla_warnings_total',
  help: 'SLA warnings recorded on case timelines, by clock',
  labelNames: ['clock'] as const,
  registers: [registry],
});

export const slaBreaches = new Counter({
  name: 'after_sales_sla_breaches_total',
  help: 'SLA breaches recorded on case timelines, by clock',
  labelNames: ['clock'] as const,
  registers: [registry],
});

// Series that exist from the start at 0, so increase() sees the first case of a kind and a
// dashboard shows what has not happened yet.
for (const type of CaseType.options) for (const channel of Channel.options) casesOpened.inc({ type, channel }, 0);
for (const process of processes) {
  for (const type of process.caseTypes) for (const outcome of process.outcomes) casesClosed.inc({ type, outcome }, 0);
}
for (const clock of [...SlaClockName.options, SUPPLIER_RESPONSE_CLOCK]) {
  slaWarnings.inc({ clock }, 0);
  slaBreaches.inc({ clock }, 0);
}
