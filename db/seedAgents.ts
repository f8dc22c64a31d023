import type { Pool } from 'pg';
import { type AgentInput, upsertAgent } from './agents';

/**
 * The local stack's roster, so a sandbox has someone to route complaints to: between them they
 * have every skill the standard complaint rules route to, and each has the general one.
 * Production manages its agents itself and never seeds.
 */
export const defaultAgents: readonly AgentInput[] = [
  { id: 'agent-ana', name: 'Ana', skills: ['general', 'service', 'logistics'], capacity: 20 },
  { id: 'agent-ben', name: 'Ben', skills: ['general', 'billing', 'logistics'], capacity: 20 },
  { id: 'agent-chen', name: 'Chen', skills: ['general', 'product', 'safety'], capacity: 20 },
  { id: 'agent-dara', name: 'Dara', skills: ['general', 'billing', 'product', 'service', 'safety'], capacity: 20 },
];

/** Idempotent: a restart writes the same rows again. */
export async function seedDefaultAgents(pool: Pool): Promise<void> {
  for (const agent of defaultAgents) await upsertAgent(pool, agent);
}
