import { qualitySampleDay, recordQualityReview, sampleToReview } from '../../db/qualityReviews';
import type { Reaches } from '../../domain/access';
import { rubricErrors, weightedScore } from '../../domain/quality';
import { callerOf, tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { jsonResponse } from '../openapi';
import { HttpProblem, validationProblem } from '../problem';
import { startQualityDraw } from '../qualityDraws';
import { defineRoute, type Route } from '../route';
import { CaseIdParams } from '../schemas/caseId';
import {
  QualityDrawRequest,
  QualityDrawStarted,
  QualityReviewAck,
  QualityReviewRequest,
  QualitySampleDay,
  QualitySamplesQuery,
} from '../schemas/quality';

/**
 * The daily quality sample (docs/quality.md): a day's sample with each case's automatic process
 * check and review, a QA review of a sampled case against its day's rubric, and a past day drawn
 * by hand. Quality assurance is a supervisor's work; agents and customers are refused.
 */
const reviewers = { supervisor: 'all', admin: 'all' } as const satisfies Reaches;

function samplesRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/quality/samples',
    operationId: 'getQualitySample',
    summary: "A day's quality sample: strata, the rubric, and each case's process check and review",
    tags: ['quality'],
    access: tokenAccess(reviewers),
    query: QualitySamplesQuery,
    responses: { 200: jsonResponse('The day as drawn', QualitySampleDay) },
    problems: ['not-found'],
    async handle({ query }, _req, res) {
      const day = await qualitySampleDay(deps.pool, query.date);
      if (!day) throw new HttpProblem('not-found', `no quality sample has been drawn for ${query.date}`, { day: query.date });
      res.json(day);
    },
  });
}

function reviewRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/quality/reviews/:id',
    operationId: 'reviewQualitySample',
    summary: 'A QA reviewer scores a sampled case with the rubric of its day; once per case',
    tags: ['quality'],
    access: tokenAccess(reviewers),
    params: CaseIdParams,
    body: QualityReviewRequest,
    before: jsonBody(),
    responses: { 200: jsonResponse('The review as recorded, with its weighted score', QualityReviewAck) },
    problems: ['not-sampled', 'already-reviewed'],
    async handle({ params, body }, _req, res) {
      const caseId = params.id;
      const sample = await sampleToReview(deps.pool, caseId);
      if (!sample) throw new HttpProblem('not-sampled', `case ${caseId} is in no drawn quality sample`, { caseId });
      const errors = rubricErrors(body.scores, sample.rubric);
      if (errors.length > 0) {
        const fields = errors.map((e) => ({ in: 'body' as const, path: `scores.${e.criterion}`, message: e.message }));
        throw validationProblem(fields.map((f) => `body ${f.path}: ${f.message}`).join('; '), fields);
      }
      const already = (reviewedBy: { reviewer: string; reviewedAt: string }) =>
        new HttpProblem('already-reviewed', `case ${caseId} was reviewed by ${reviewedBy.reviewer} at ${reviewedBy.reviewedAt}`, {
          caseId,
          ...reviewedBy,
        });
      if (sample.review) throw already(sample.review);
      const review = {
        reviewer: callerOf(res).principal.sub,
        reviewedAt: new Date().toISOString(),
        scores: body.scores,
        ...weightedScore(body.scores, sample.rubric),
        comment: body.comment ?? null,
      };
      if (!(await recordQualityReview(deps.pool, caseId, review))) {
        // Another reviewer's came between the read and the write.
        const first = (await sampleToReview(deps.pool, caseId))!.review!;
        throw already(first);
      }
      res.json({ caseId, day: sample.day, review });
    },
  });
}

function drawRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/quality/draws',
    operationId: 'drawQualitySample',
    summary: "Draws a past day's quality sample by hand, as the daily schedule does; a day already drawn stays as it is",
    tags: ['quality'],
    access: tokenAccess(reviewers),
    body: QualityDrawRequest,
    before: jsonBody(),
    responses: { 202: jsonResponse('The draw started', QualityDrawStarted) },
    problems: ['day-not-over', 'unavailable'],
    async handle({ body }, _req, res) {
      const { workflowId } = await startQualityDraw(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, body.day);
      res.status(202).json({ day: body.day, workflowId });
    },
  });
}

export function qualityRoutes(deps: ApiDeps): Route[] {
  return [samplesRoute(deps), reviewRoute(deps), drawRoute(deps)];
}
