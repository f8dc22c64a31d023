import type { Reaches } from '../../domain/access';
import { partnerChannels } from '../../domain/partners';
import type { Process } from '../../domain/process';
import { code, codes, table } from './markdown';
import { fieldList } from './schemaText';
import type { Sections } from './sections';

/** The parts of docs/processes/<name>.md that follow from the process's definition. */
export function processSections(process: Process): Sections {
  return {
    diagram: stateDiagram(process),
    statuses: statusTable(process),
    actions: actionTable(process),
    steps: stepTable(process),
    outcomes: codes(process.outcomes),
    'work-items': workItemTable(process),
    details: detailsTable(process),
  };
}

/** The `next` table as a mermaid state diagram: every transition the process may take. */
function stateDiagram(process: Process): string {
  const lines = ['stateDiagram-v2', `    [*] --> ${process.initialStatus}`];
  for (const [status, rule] of Object.entries(process.statuses)) {
    for (const next of rule.next) lines.push(`    ${status} --> ${next}`);
  }
  lines.push('    closed --> [*]');
  return ['```mermaid', ...lines, '```'].join('\n');
}

function statusTable(process: Process): string {
  const rows = Object.entries(process.statuses).map(([status, rule]) => [code(status), codes(rule.actions), codes(rule.steps), codes(rule.next)]);
  return table(['status', 'people may', 'partners report', 'goes on to'], rows);
}

const reachWords = { all: '', queue: ' (their queues)', own: ' (own cases)', assigned: ' (assigned cases)' } as const;

function roles(reaches: Reaches): string {
  return Object.entries(reaches)
    .map(([role, reach]) => `${role}${reachWords[reach]}`)
    .join(', ');
}

function actionTable(process: Process): string {
  const rows = Object.entries(process.actions).map(([name, spec]) => [
    code(`POST /v1/cases/{id}/actions/${name}`),
    spec.summary,
    fieldList(spec.payload),
    roles(spec.reaches),
  ]);
  return table(['action', 'what it does', 'body', 'who may'], rows);
}

function stepTable(process: Process): string {
  const steps = Object.entries(process.steps);
  if (steps.length === 0) return 'None: no partner reports on these cases.';
  const rows = steps.map(([name, spec]) => {
    const channel = partnerChannels[spec.partner];
    return [code(name), spec.partner, code(`POST /v1/webhooks/${channel.collection}/{${channel.param}}`), fieldList(channel.data, spec.requires)];
  });
  return table(['step', 'reported by', 'webhook', 'event fields besides eventId, type, caseId, occurredAt'], rows);
}

function workItemTable(process: Process): string {
  if (process.workItems.length === 0) return 'None.';
  const rows = process.workItems.map((rule) => [
    code(rule.kind),
    `${code(rule.status)}${rule.channel ? `, opened from ${code(rule.channel)}` : ''}`,
    code(rule.queue ?? process.queue),
    codes(rule.deadlines),
  ]);
  return table(['work item', 'while the case is', 'queue', 'due by the deadline'], rows);
}

function detailsTable(process: Process): string {
  const rows = Object.entries(process.details.shape).map(([name, field]) => [code(`details.${name}`), field.description ?? '']);
  return table(['field', 'what it holds'], rows);
}
