import type { Pool } from 'pg';
import { assignAgent, findRecentComplaint, releaseAgent } from '../db/agents';
import type { RoutingPort } from './types';

export function createRoutingActivities(pool: Pool): RoutingPort {
  return {
    async assignAgent(input) {
      return { agentId: await assignAgent(pool, input) };
    },
    releaseAgent: (input) => releaseAgent(pool, input),
    async findRecentComplaint(input) {
      return { caseId: await findRecentComplaint(pool, input) };
    },
  };
}
