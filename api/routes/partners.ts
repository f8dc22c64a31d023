import { partnerPolicies } from '../../config/policies/partnerPolicy';
import { partnerStandings, windowEndingAt } from '../../db/partnerFigures';
import { openFlags } from '../../db/partnerFlags';
import type { PartnerRef } from '../../domain/partnerStanding';
import { getSupplierScorecard } from '../../db/supplierScorecard';
import { tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonResponse } from '../openapi';
import { defineRoute, type Route } from '../route';
import { PartnerList, PartnerParams, PartnerScorecard } from '../schemas/partners';

/**
 * Partner governance for supervisors (docs/partners.md): how every repair supplier and partner
 * brand stands against the partner policy now, and since when the daily review has had it flagged.
 */

const supervisors = { supervisor: 'all', admin: 'all' } as const;

/** Every supplier the repair policy routes to is listed, with zeros until it has history. */
function knownSuppliers(deps: ApiDeps): PartnerRef[] {
  return [...new Set(Object.values(deps.policies.repairs.supplierByCategory))].map((id) => ({ kind: 'supplier', id }));
}

/** The standings at `at` with the review's open flags beside them. */
async function standingsNow(deps: ApiDeps, at: Date, also: PartnerRef[]) {
  const policy = partnerPolicies[deps.config.POLICY_PROFILE];
  const [standings, flags] = await Promise.all([partnerStandings(deps.pool, policy, at, also), openFlags(deps.pool)]);
  const since = new Map(flags.map((f) => [`${f.kind}:${f.id}`, f.flagDay]));
  const partners = standings.map((s) => ({ ...s, flaggedSince: since.get(`${s.kind}:${s.id}`) ?? null }));
  return { policy, window: windowEndingAt(at, policy), partners };
}

function listRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/partners',
    operationId: 'listPartners',
    summary: 'Every repair supplier and partner brand against the partner policy: figures, flag and why',
    tags: ['partners'],
    access: tokenAccess(supervisors),
    responses: {
      200: jsonResponse('Every partner with anything in the window, every supplier the repair policy names, and every one flagged', PartnerList),
    },
    problems: [],
    async handle(_input, _req, res) {
      const { policy, window, partners } = await standingsNow(deps, new Date(), knownSuppliers(deps));
      res.json({ policyVersion: policy.version, window, partners });
    },
  });
}

function scorecardRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/partners/:kind/:id',
    operationId: 'getPartnerScorecard',
    summary: "One supplier's or brand's scorecard: its figures against the partner policy, flag and why; a supplier's all-time scorecard too",
    tags: ['partners'],
    access: tokenAccess(supervisors),
    params: PartnerParams,
    responses: { 200: jsonResponse('The scorecard; zeros for a partner without history', PartnerScorecard) },
    problems: [],
    async handle({ params }, _req, res) {
      const ref: PartnerRef = { kind: params.kind, id: params.id };
      const [{ policy, window, partners }, supplierScorecard] = await Promise.all([
        standingsNow(deps, new Date(), [ref]),
        ref.kind === 'supplier' ? getSupplierScorecard(deps.pool, ref.id) : undefined,
      ]);
      // Asked for by name, so it is there, with zeros when it has no history.
      const standing = partners.find((p) => p.kind === ref.kind && p.id === ref.id)!;
      res.json({ ...standing, policyVersion: policy.version, window, ...(supplierScorecard && { supplierScorecard }) });
    },
  });
}

export function partnerRoutes(deps: ApiDeps): Route[] {
  return [listRoute(deps), scorecardRoute(deps)];
}
