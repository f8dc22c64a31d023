import type { VersioningBehavior } from '@temporalio/common';
import type { z } from 'zod';
import type { Reaches } from './access';
import type { CustomerProfile, SystemOrder } from '../activities/types';
import type { Channel } from './case';
import type { CustomerStanding } from './segmentation';
import type { PartnerKind, PartnerStepData } from './partners';

/**
 * What a process is, as one definition: the case types it runs, its statuses with what each one
 * allows and where it may go next, the facts its record shows, the actions people take (with
 * their payload schemas and who may take them), the steps partners report, the work items its
 * statuses put in queues, the policy it pins and its profiles, and how a request becomes a case. Each process folder under
 * workflows/ exports one (definition.ts); workflows/registry.ts lists them, and everything shared
 * (intake, actions, webhooks, work items, OpenAPI, policy profiles, test stand-ins) reads the list.
 */

/** A person's action on a case: its body, what it does, and which roles may take it (and how far they reach). */
export interface ActionSpec<Payload extends z.ZodObject = z.ZodObject> {
  payload: Payload;
  summary: string;
  reaches: Reaches;
}

/** A step a partner reports. `requires` names the event fields the step means nothing without. */
export type StepSpec = {
  [Kind in PartnerKind]: { partner: Kind; requires?: readonly (keyof PartnerStepData<Kind> & string)[] };
}[PartnerKind];

/**
 * Where a process's record names its partner of each kind its steps come from: every such kind,
 * for a definition; any, as shared code reads an erased one.
 */
export type AssignedPartners<Steps extends Record<string, StepSpec>> =
  Record<string, StepSpec> extends Steps ? Partial<Record<PartnerKind, string>> : { readonly [Kind in Steps[keyof Steps]['partner']]: string };

/** One status: what it allows now, and the statuses the process may move to from it. */
export interface StatusRule<Status extends string, Action extends string, Step extends string> {
  actions: readonly Action[];
  steps: readonly Step[];
  next: readonly Status[];
}

/**
 * A human step waiting in a work queue while a case is in `status` (and, when given, came from
 * `channel`); the deadlines named time it. Absent `queue`: the process's own queue.
 */
export interface WorkItemRule<Status extends string> {
  kind: string;
  status: Status;
  deadlines: readonly string[];
  queue?: string;
  channel?: Channel;
}

/** POLICY_PROFILE: the shipped defaults, or the demo's short clocks. */
export type PolicyProfile = 'standard' | 'demo';

export interface PolicySpec<Policy> {
  schema: z.ZodType<Policy>;
  profiles: Record<PolicyProfile, Policy>;
}

/** What every intake request carries, whatever the process. */
export interface IntakeRequestBase {
  type: string;
  channel: Channel;
  customer: { id: string };
}

/** What the systems of record say about a request, looked up by the API before the case opens. */
export interface IntakeRecords {
  customer: CustomerProfile;
  /** The customer's segment and RFM tags from their order history, under the segment policy of the day. */
  standing: CustomerStanding;
  /** The order the request names, known to be the customer's; null when it names none. */
  order: SystemOrder | null;
}

/** Something the request asks that the records do not allow, at the field to fix (a 422). */
export interface IntakeIssue {
  path: (string | number)[];
  message: string;
}

/**
 * What opening a case involves beyond what every case shares: the order lines it claims, the
 * policy version it pins, the non-personal facts its record shows, and its workflow's input.
 */
export interface CaseOpening<Input> {
  type: string;
  /** The order the case is about; null when none. */
  orderId: string | null;
  lines: { sku: string; quantity: number }[];
  policyVersion: string;
  /** Non-personal facts worth searching or showing; never contact data. */
  details: Record<string, unknown>;
  workflowInput(caseId: string, requestedAt: string): Input;
}

/** A request schema: an object whose `type` names one of the process's case types. */
export type RequestSchema = z.ZodObject & z.ZodType<IntakeRequestBase>;

// Methods, so a definition with a narrower request still fits the registry's list.
export interface IntakeSpec<Request extends RequestSchema, Policy, Sla, Input> {
  /** The request body for this process's case types; the API's intake validates with it. */
  request: Request;
  /** The order the request is about, which the API looks up; none: the case is about no order. */
  orderOf(request: z.output<Request>): string | undefined;
  /** What the request asks beyond what the records and the policy allow (a sku not bought, more than is left). */
  check(request: z.output<Request>, records: IntakeRecords, policy: Policy): IntakeIssue[];
  open(request: z.output<Request>, policies: { process: Policy; sla: Sla }, records: IntakeRecords): CaseOpening<Input>;
  /**
   * One case per matter: while a case of this process about the same order is open for the
   * customer, opened within the policy's window, a new request joins it as this action (a message
   * on its timeline) instead of opening a second case, from whichever channel it comes.
   */
  join?: {
    windowMs(policy: Policy): number;
    action(request: z.output<Request>): { action: string; payload: Record<string, unknown> };
  };
}

export interface ProcessDefinition<
  Name extends string = string,
  CaseType extends string = string,
  Status extends string = string,
  Actions extends Record<string, ActionSpec> = Record<string, ActionSpec>,
  Steps extends Record<string, StepSpec> = Record<string, StepSpec>,
  Policy = unknown,
  Request extends RequestSchema = RequestSchema,
  Input extends object = object,
  Sla = unknown,
> {
  /** The folder and the policy key: returns, repairs, complaints. */
  name: Name;
  title: string;
  caseTypes: readonly CaseType[];
  /** The workflow type the worker registers; never renamed, or cases in flight stop replaying. */
  workflowType: string;
  /** The work queue its cases sit in. */
  queue: string;
  /**
   * How its cases move between versions of the worker deployment (docs/versioning.md): PINNED when
   * a case ends before the next release is likely (it finishes on the build it started on),
   * AUTO_UPGRADE when cases outlive releases (each moves to the current build at its next step, so
   * every change to the workflow is guarded by `patched()`). Declared to the worker by the workflow's
   * module (workflows/lib/versioning.ts).
   */
  versioning: VersioningBehavior;
  initialStatus: Status;
  statuses: { readonly [S in Status]: StatusRule<Status, keyof Actions & string, keyof Steps & string> };
  outcomes: readonly string[];
  /**
   * The non-personal facts its case record shows (CaseRecord.details), each described: what its
   * intake writes and what its workflow adds. Published merged with the other processes' facts.
   */
  details: z.ZodObject;
  actions: Actions;
  steps: Steps;
  /**
   * Where its record's details name the one partner of each kind its steps come from (a dotted
   * path: a repair's `supplierId`, a return's `returnLabel.carrier`), written by the workflow from
   * the system that assigned it, never from a partner's word. Any other partner of that kind
   * learns nothing about the case: 404, as for a case that does not exist.
   */
  assignedPartners: AssignedPartners<Steps>;
  workItems: readonly WorkItemRule<Status>[];
  policy: PolicySpec<Policy>;
  intake: IntakeSpec<Request, Policy, Sla, Input>;
  /**
   * The case types a case of this process may become (an inquiry that turns out to be a return),
   * opened through intake by POST /v1/cases/{id}/conversions while a status allows the action
   * `converted`, which that route alone sends. None: its cases never become others.
   */
  conversions?: { into: readonly string[] };
}

/** Any registered process, as shared code reads it. */
export type Process = ProcessDefinition;

/** Keeps the literal names of a definition's statuses, actions and steps in its type. */
export function defineProcess<
  const Name extends string,
  const CaseType extends string,
  Status extends string,
  const Actions extends Record<string, ActionSpec>,
  const Steps extends Record<string, StepSpec>,
  Policy,
  Request extends RequestSchema,
  Input extends object,
  Sla,
>(
  definition: ProcessDefinition<Name, CaseType, Status, Actions, Steps, Policy, Request, Input, Sla>,
): ProcessDefinition<Name, CaseType, Status, Actions, Steps, Policy, Request, Input, Sla> {
  return definition;
}

/** The statuses of a definition. */
export type StatusOf<P> = P extends ProcessDefinition<string, string, infer S> ? S : never;
/** The action names of a definition. */
export type ActionOf<P> = P extends ProcessDefinition<string, string, string, infer A> ? keyof A & string : never;
/** The step names of a definition. */
export type StepOf<P> = P extends ProcessDefinition<string, string, string, Record<string, ActionSpec>, infer S> ? keyof S & string : never;

/** What the API sends a workflow for a person's action, the payload typed by that action's schema. */
export type ActionMessage<P, A extends ActionOf<P> = ActionOf<P>> =
  P extends ProcessDefinition<string, string, string, infer Actions>
    ? { [K in A]: { action: K; payload: z.output<Actions[K]['payload']> } }[A]
    : never;

/** What the API sends a workflow for a partner's step, the data typed by that partner kind's event. */
export type StepMessage<P, S extends StepOf<P> = StepOf<P>> =
  P extends ProcessDefinition<string, string, string, Record<string, ActionSpec>, infer Steps>
    ? { [K in S]: { step: K; data: PartnerStepData<Steps[K]['partner']> } }[S]
    : never;

/** The actions a status of a process allows; none for a status it does not have. */
export function allowedActions(process: Process, status: string): readonly string[] {
  return process.statuses[status]?.actions ?? [];
}

/** The partner steps a status of a process expects; none for a status it does not have. */
export function expectedSteps(process: Process, status: string): readonly string[] {
  return process.statuses[status]?.steps ?? [];
}

/** The partner of this kind a case's record names as its own; undefined until the record names one. */
export function assignedPartner(process: Process, kind: PartnerKind, details: Record<string, unknown>): string | undefined {
  const path = process.assignedPartners[kind];
  const named = path
    ?.split('.')
    .reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), details);
  return typeof named === 'string' ? named : undefined;
}

/**
 * Whether a step the status does not expect is still ahead: a status the case can reach from here
 * expects it. A partner that reports a step before the case has recorded the work that precedes
 * it (a parcel scanned before the label's issue is recorded) is early, not wrong.
 */
export function stepAhead(process: Process, status: string, step: string): boolean {
  const seen = new Set([status]);
  const frontier = [...(process.statuses[status]?.next ?? [])];
  for (let next = frontier.pop(); next !== undefined; next = frontier.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    if (expectedSteps(process, next).includes(step)) return true;
    frontier.push(...(process.statuses[next]?.next ?? []));
  }
  return false;
}
