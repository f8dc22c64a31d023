import { z } from 'zod';
import { commonDetails } from '../domain/caseDetails';
import { enumValues } from '../domain/enumValues';
import type { PartnerKind } from '../domain/partners';
import type { PolicyProfile, Process, StatusOf, StepSpec } from '../domain/process';
import { complaints } from './complaints/definition';
import { inquiries } from './inquiries/definition';
import { installations } from './installations/definition';
import { repairs } from './repairs/definition';
import { returns } from './returns/definition';
import { suggestions } from './suggestions/definition';

/**
 * Every process the service runs, one definition each (domain/process.ts). Adding a process is a
 * folder under workflows/ with its definition and workflow, one line here, and its workflow's
 * export in workflows/index.ts. Everything shared reads this list: intake, actions, webhooks, work
 * items, the OpenAPI document, policy profiles, the API tests' stand-in workflows.
 *
 * Definitions import only leaf modules (domain/case, domain/caseDetails, domain/access,
 * domain/partners, policy durations), never this file or what imports it, so the list can be read
 * anywhere, the workflow sandbox included.
 */
export const processes = [returns, repairs, complaints, suggestions, inquiries, installations] as const;

export type RegisteredProcess = (typeof processes)[number];

type CaseTypeName = RegisteredProcess['caseTypes'][number];
const caseTypes = processes.flatMap((p): readonly CaseTypeName[] => p.caseTypes);
export const CaseType = z.enum(enumValues(caseTypes)).meta({ id: 'CaseType' });
export type CaseType = z.infer<typeof CaseType>;

export function isCaseType(value: string): value is CaseType {
  return (caseTypes as readonly string[]).includes(value);
}

// Object.keys loses the literal names the definitions keep in their types.
const statuses = processes.flatMap((p) => Object.keys(p.statuses) as StatusOf<RegisteredProcess>[]);
/** Every status a case of some registered process can be in: what the case list filters by. */
export const CaseStatus = z.enum(enumValues(statuses)).meta({ id: 'CaseStatus' });
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * Every process's record facts and the ones any case may show, merged by name into what the API
 * publishes as a case's `details`. All optional, since a case shows what it has reached; other keys
 * are let through, since records keep what older versions wrote.
 */
function mergedDetails(parts: readonly z.ZodObject[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of parts.flatMap((part) => Object.entries(part.shape))) {
    if (shape[name] !== undefined && shape[name] !== field) {
      throw new Error(`details.${name} is described twice: describe a shared fact once, in domain/caseDetails.ts`);
    }
    shape[name] = field;
  }
  return z
    .object(shape)
    .partial()
    .loose()
    .meta({ id: 'CaseDetails', description: 'Non-personal facts of the case, filled in as it goes; never contact data' });
}

export const CaseDetails = mergedDetails([commonDetails, ...processes.map((p) => p.details)]);

const byCaseType = new Map<string, Process>(processes.flatMap((p) => p.caseTypes.map((type) => [type, p as Process] as const)));

/** The process that runs cases of this type. */
export function processOf(caseType: string): Process {
  const process = byCaseType.get(caseType);
  if (!process) throw new Error(`no registered process runs ${caseType} cases`);
  return process;
}

/** Every registered process's steps that one kind of partner reports, by name, with what each requires. */
export function partnerSteps(kind: PartnerKind): Map<string, StepSpec> {
  return new Map(processes.flatMap((p) => Object.entries<StepSpec>(p.steps)).filter(([, spec]) => spec.partner === kind));
}

/** The one policy of each process a new case pins, by process name. */
export type ProcessPolicies = { [P in RegisteredProcess as P['name']]: P['policy']['profiles'][PolicyProfile] };

/** Every process's policy of one profile (POLICY_PROFILE), by process name. */
export function processPolicies(profile: PolicyProfile): ProcessPolicies {
  // Built from the list, so its shape follows from the names there; TypeScript cannot follow fromEntries.
  return Object.fromEntries(processes.map((p) => [p.name, p.policy.profiles[profile]])) as ProcessPolicies;
}

/** A policy edit that breaks its own schema fails at start-up, not in a case. */
for (const process of processes) {
  for (const profile of Object.values(process.policy.profiles)) (process.policy.schema as z.ZodType).parse(profile);
}
