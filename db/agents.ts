import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction';

export interface AgentInput {
  id: string;
  name: string;
  skills: string[];
  capacity: number;
  available?: boolean;
}

export async function upsertAgent(pool: Pool, agent: AgentInput): Promise<void> {
  await pool.query(
    `INSERT INTO agents (id, name, skills, capacity, available) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = $2, skills = $3, capacity = $4, available = $5`,
    [agent.id, agent.name, agent.skills, agent.capacity, agent.available ?? true],
  );
}

/**
 * Gives the case to `preferAgentId` (a customer's dedicated advisor) when that agent is available
 * and below capacity, else to the available agent with the skill and the fewest open cases below
 * capacity (ties: the agent waiting longest for work, then by id). The agent rows are locked while
 * counting, so two cases routed at once cannot both take an agent's last free slot. A case
 * already assigned keeps its agent: a retried activity changes nothing.
 */
export async function assignAgent(
  pool: Pool,
  input: { caseId: string; skill: string; excludeAgentId?: string; agentId?: string; preferAgentId?: string },
): Promise<string | null> {
  if (input.agentId) return assignTo(pool, input.caseId, input.agentId);
  return inTransaction(pool, async (client) => {
    const held = await client.query<{ agent_id: string }>('SELECT agent_id FROM agent_assignments WHERE case_id = $1', [input.caseId]);
    if (held.rows[0] && held.rows[0].agent_id !== input.excludeAgentId) return held.rows[0].agent_id;
    await client.query('DELETE FROM agent_assignments WHERE case_id = $1', [input.caseId]);
    const advisor = input.preferAgentId ? await withRoom(client, input.preferAgentId, input.excludeAgentId) : null;
    const agentId = advisor ?? (await leastLoaded(client, input.skill, input.excludeAgentId));
    if (agentId) await client.query('INSERT INTO agent_assignments (case_id, agent_id) VALUES ($1, $2)', [input.caseId, agentId]);
    return agentId;
  });
}

/** The named agent, if available and below capacity (their row locked until the transaction ends). */
async function withRoom(client: PoolClient, agentId: string, excludeAgentId: string | undefined): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT a.id FROM agents a
      WHERE a.id = $1 AND a.available AND a.id IS DISTINCT FROM $2
        AND a.capacity > (SELECT count(*) FROM agent_assignments x WHERE x.agent_id = a.id)
      FOR UPDATE OF a`,
    [agentId, excludeAgentId ?? null],
  );
  return rows[0]?.id ?? null;
}

/** The available agent with the skill and the most room, locked until the transaction ends. */
async function leastLoaded(client: PoolClient, skill: string, excludeAgentId: string | undefined): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT a.id
       FROM agents a
      WHERE a.available AND $1 = ANY (a.skills) AND a.id IS DISTINCT FROM $2
        AND a.capacity > (SELECT count(*) FROM agent_assignments x WHERE x.agent_id = a.id)
      ORDER BY (SELECT count(*) FROM agent_assignments x WHERE x.agent_id = a.id),
               (SELECT max(assigned_at) FROM agent_assignments x WHERE x.agent_id = a.id) NULLS FIRST,
               a.id
      LIMIT 1
      FOR UPDATE OF a`,
    [skill, excludeAgentId ?? null],
  );
  return rows[0]?.id ?? null;
}

/** A supervisor's choice, or an agent claiming the case: the named agent, capacity or not. */
async function assignTo(pool: Pool, caseId: string, agentId: string): Promise<string | null> {
  const { rowCount } = await pool.query(
    `INSERT INTO agent_assignments (case_id, agent_id)
     SELECT $1, id FROM agents WHERE id = $2
     ON CONFLICT (case_id) DO UPDATE SET agent_id = excluded.agent_id, assigned_at = now()`,
    [caseId, agentId],
  );
  return rowCount ? agentId : null;
}

export async function releaseAgent(pool: Pool, input: { caseId: string; agentId: string }): Promise<void> {
  await pool.query('DELETE FROM agent_assignments WHERE case_id = $1 AND agent_id = $2', [input.caseId, input.agentId]);
}

/** The customer's latest complaint closed within the window, other than this one. */
export async function findRecentComplaint(
  pool: Pool,
  input: { customerId: string; excludeCaseId: string; withinMs: number },
): Promise<string | null> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM cases
      WHERE type = 'complaint' AND customer_id = $1 AND id <> $2
        AND closed_at IS NOT NULL AND closed_at >= now() - ($3::bigint * interval '1 millisecond')
      ORDER BY closed_at DESC LIMIT 1`,
    [input.customerId, input.excludeCaseId, input.withinMs],
  );
  return rows[0]?.id ?? null;
}

export interface AgentSummary {
  id: string;
  name: string;
  skills: string[];
  capacity: number;
  available: boolean;
  /** The cases routing counts against the agent's capacity now. */
  openCases: number;
}

export async function listAgents(pool: Pool): Promise<AgentSummary[]> {
  const { rows } = await pool.query<Omit<AgentSummary, 'openCases'> & { open_cases: number }>(
    `SELECT a.id, a.name, a.skills, a.capacity, a.available,
            (SELECT count(*) FROM agent_assignments x WHERE x.agent_id = a.id)::int AS open_cases
       FROM agents a ORDER BY a.id`,
  );
  return rows.map(({ open_cases, ...agent }) => ({ ...agent, openCases: open_cases }));
}

export async function agentExists(pool: Pool, agentId: string): Promise<boolean> {
  const { rowCount } = await pool.query('SELECT 1 FROM agents WHERE id = $1', [agentId]);
  return rowCount === 1;
}
