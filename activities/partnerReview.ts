import type { Pool } from 'pg';
import { partnerStandings } from '../db/partnerFigures';
import { markFlagsTold, recordReview } from '../db/partnerFlags';
import type { PartnerReviewPort } from './types';

/** The daily partner review over PostgreSQL: the same standings the API shows, and the flags they open and clear. */
export function createPartnerReviewActivities(pool: Pool): PartnerReviewPort {
  return {
    async reviewPartners({ at, day, policy }) {
      const when = new Date(at);
      const standings = await partnerStandings(pool, policy, when);
      return { reviewed: standings.length, ...(await recordReview(pool, { standings, at: when, day })) };
    },
    markPartnerFlagsTold: ({ at, flags }) => markFlagsTold(pool, flags, new Date(at)),
  };
}
