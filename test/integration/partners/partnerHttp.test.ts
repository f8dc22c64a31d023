import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { z } from 'zod';
import {
  PARTNER_REJECTED,
  PARTNER_UNAVAILABLE,
  partnerClient,
  type PartnerClient,
} from '../../../activities/partnerHttp';
import { activityOptions } from '../../../config/policies/activityOptions';
import { failureOf } from './partnerSupport';

/** How partner answers become retryable or final failures, against a partner that answers whatever we ask. */
describe('partner HTTP failure classification', () => {
  let server: Server;
  let post: PartnerClient;
  let baseUrl: string;

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post('/status/:code', (req, res) => {
      res.status(Number(req.params.code)).json({ error: 'scripted' });
    });
    app.post('/echo', (req, res) => {
      res.json({ idempotencyKey: req.get('idempotency-key'), body: req.body });
    });
    app.post('/hang', () => undefined);
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    post = partnerClient('stub', { baseUrl, timeoutMs: 300 });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const call = (path: string, response: z.ZodType = z.unknown()) =>
    post({ operation: 'probe', path, idempotencyKey: 'key-1', body: { caseId: 'c-1' }, response });

  it('sends the idempotency key as a header and the body as JSON', async () => {
    const Echo = z.object({ idempotencyKey: z.string(), body: z.object({ caseId: z.string() }) });
    await expect(call('/echo', Echo)).resolves.toEqual({ idempotencyKey: 'key-1', body: { caseId: 'c-1' } });
  });

  it('names rejections with the type the partner retry policy refuses to retry', () => {
    expect(activityOptions.partner.retry?.nonRetryableErrorTypes).toContain(PARTNER_REJECTED);
    expect(activityOptions.partner.retry?.nonRetryableErrorTypes).not.toContain(PARTNER_UNAVAILABLE);
  });

  it.each([400, 404, 409, 422])('makes %i a final PartnerRejected failure carrying status and body', async (status) => {
    const failure = await failureOf(call(`/status/${status}`));
    expect(failure).toMatchObject({ type: PARTNER_REJECTED, nonRetryable: true });
    expect(failure.details).toEqual([{ status, body: { error: 'scripted' } }]);
  });

  it.each([408, 429, 500, 503])('keeps %i retryable and names partner, operation and status', async (status) => {
    const failure = await failureOf(call(`/status/${status}`));
    expect(failure).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect(failure.message).toContain(`stub probe failed: status ${status}`);
  });

  it('keeps a timeout retryable', async () => {
    const failure = await failureOf(call('/hang'));
    expect(failure).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect(failure.message).toContain('timed out after 300 ms');
  });

  it('keeps an unreachable partner retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const unreachable = partnerClient('stub', { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    const failure = await failureOf(
      unreachable({ operation: 'probe', path: '/echo', idempotencyKey: 'k', body: {}, response: z.unknown() }),
    );
    expect(failure).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect(failure.message).toContain('ECONNREFUSED');
  });

  it('keeps a 2xx answer of the wrong shape retryable rather than trusting it', async () => {
    const failure = await failureOf(call('/echo', z.object({ refundId: z.string() })));
    expect(failure).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect(failure.message).toContain('unexpected response');
  });
});
