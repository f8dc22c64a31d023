import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from '../../api/webhooks/signature';
import { WebhookSecrets, WebhookSecretsSetting } from '../../config/webhookSecrets';

const NEW = 'carrier-new-secret-0001';
const OLD = 'carrier-old-secret-0001';

describe('WEBHOOK_SECRETS', () => {
  it('reads the list form and the JSON form alike, newest secret first', () => {
    const list = WebhookSecretsSetting.parse(`carrier:dhl=${NEW}|${OLD}, supplier:acme-repairs=acme-secret-00001`);
    const json = WebhookSecretsSetting.parse(JSON.stringify({ 'carrier:dhl': [NEW, OLD], 'supplier:acme-repairs': 'acme-secret-00001' }));

    expect(list).toEqual({ 'carrier:dhl': [NEW, OLD], 'supplier:acme-repairs': ['acme-secret-00001'] });
    expect(json).toEqual(list);
  });

  it('reads either form with the spaces people type around names, secrets and separators', () => {
    expect(WebhookSecretsSetting.parse(` carrier:dhl = ${NEW} | ${OLD} ,\n supplier:acme-repairs=acme-secret-00001 `)).toEqual({
      'carrier:dhl': [NEW, OLD],
      'supplier:acme-repairs': ['acme-secret-00001'],
    });
    expect(WebhookSecretsSetting.parse(`\n  ${JSON.stringify({ 'carrier:dhl': NEW })}`)).toEqual({ 'carrier:dhl': [NEW] });
  });

  it('reads the list form with a trailing comma or an empty entry between two', () => {
    const expected = { 'carrier:dhl': [NEW], 'supplier:acme-repairs': ['acme-secret-00001'] };
    expect(WebhookSecretsSetting.parse(`carrier:dhl=${NEW},,supplier:acme-repairs=acme-secret-00001`)).toEqual(expected);
    expect(WebhookSecretsSetting.parse(`carrier:dhl=${NEW},supplier:acme-repairs=acme-secret-00001,\n`)).toEqual(expected);
  });

  it('says what is wrong with a setting it refuses', () => {
    const issues = (setting: string) => WebhookSecretsSetting.safeParse(setting).error?.issues.map(({ path, message }) => ({ path, message }));
    expect(issues('{"carrier:dhl":')).toEqual([{ path: [], message: 'not valid JSON' }]);
    expect(issues('carrier:dhl=short')).toEqual([{ path: ['carrier:dhl', 0], message: 'a secret has at least 16 characters' }]);
    expect(issues(`bank:x=${NEW}`)).toEqual([{ path: ['bank:x'], message: 'kind:id, e.g. carrier:dhl' }]);
    // A secret without its name: refused for the missing name, and the secret is not repeated in the message.
    expect(issues(`=${NEW}`)).toEqual([{ path: [''], message: 'kind:id, e.g. carrier:dhl' }]);
    // An entry without "=" is refused by its place in the list, its text not repeated: it may be a
    // secret behind a mistyped separator.
    const noSeparator = { path: ['entry 2'], message: 'kind:id=secret, e.g. carrier:dhl=…; no "=" found' };
    expect(issues(`supplier:acme=${OLD},carrier:dhl:${NEW}`)).toEqual([noSeparator]);
    expect(JSON.stringify(WebhookSecretsSetting.safeParse(`supplier:acme=${OLD},carrier:dhl:${NEW}`).error)).not.toContain(NEW);
    expect(issues(`supplier:acme=${OLD},carrier:dhl-express-europe`)).toEqual([noSeparator]);
  });

  it.each([
    ['a name with something before its kind', `mycarrier:dhl=${NEW}`],
    ['a name with something after its id', `carrier:dhl!=${NEW}`],
    ['a name without an id', `carrier:=${NEW}`],
  ])('refuses %s', (_what, setting) => {
    expect(WebhookSecretsSetting.safeParse(setting).success).toBe(false);
  });

  it("takes an installer's secrets under installer:<id>", () => {
    expect(WebhookSecretsSetting.parse('installer:homefit=homefit-secret-0001')).toEqual({ 'installer:homefit': ['homefit-secret-0001'] });
  });

  it.each([
    ['an unknown partner kind', 'bank:x=secret-secret-secret'],
    ['a short secret', 'carrier:dhl=short'],
    ['three secrets at once', `carrier:dhl=${NEW}|${OLD}|third-secret-000001`],
    ['an entry without a secret', 'carrier:dhl'],
    ['broken JSON', '{"carrier:dhl":'],
  ])('refuses %s', (_what, setting) => {
    expect(WebhookSecretsSetting.safeParse(setting).success).toBe(false);
  });

  it('falls back to the shared secret only for partners without their own', () => {
    const secrets = new WebhookSecrets({ 'carrier:dhl': [NEW, OLD] }, 'shared-secret-000001');

    expect(secrets.accepted('carrier:dhl')).toEqual([NEW, OLD]);
    expect(secrets.signing('carrier:dhl')).toBe(NEW);
    expect(secrets.accepted('carrier:ups')).toEqual(['shared-secret-000001']);
    expect(new WebhookSecrets({}).accepted('carrier:ups')).toEqual([]);
  });
});

describe('webhook signatures', () => {
  const body = '{"eventId":"e-1"}';
  const check = (signed: Record<string, string>, secrets: string[], rawBody = body) =>
    verifyWebhookSignature({
      secrets,
      rawBody: Buffer.from(rawBody),
      timestamp: signed['x-webhook-timestamp'],
      signature: signed['x-webhook-signature'],
      toleranceSeconds: 300,
    });

  it('verify with either secret during a rotation, and with no other', () => {
    expect(check(signWebhook(NEW, body), [NEW, OLD])).toEqual({ ok: true });
    expect(check(signWebhook(OLD, body), [NEW, OLD])).toEqual({ ok: true });
    expect(check(signWebhook('someone-elses-secret', body), [NEW, OLD])).toEqual({ ok: false, reason: 'mismatch' });
    expect(check(signWebhook(NEW, body), [])).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('cover the body and the time', () => {
    expect(check(signWebhook(NEW, body), [NEW], '{"eventId":"e-2"}')).toEqual({ ok: false, reason: 'mismatch' });
    expect(check(signWebhook(NEW, body, Math.floor(Date.now() / 1000) - 301), [NEW])).toEqual({ ok: false, reason: 'stale' });
  });

  it('are HMAC-SHA256 over "<timestamp>.<raw body>", sent as v1=<hex> beside the timestamp', () => {
    const expected = createHmac('sha256', NEW).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(NEW, body, 1_700_000_000)).toEqual({ 'x-webhook-timestamp': '1700000000', 'x-webhook-signature': `v1=${expected}` });
  });

  it('hold up to the tolerance either side of now, and no further', () => {
    const now = 1_700_000_000;
    const at = (seconds: number) => {
      const signed = signWebhook(NEW, body, seconds);
      return verifyWebhookSignature({
        secrets: [NEW],
        rawBody: Buffer.from(body),
        timestamp: signed['x-webhook-timestamp'],
        signature: signed['x-webhook-signature'],
        toleranceSeconds: 300,
        nowSeconds: now,
      });
    };
    expect([at(now - 300), at(now + 300)]).toEqual([{ ok: true }, { ok: true }]);
    expect([at(now - 301), at(now + 301)]).toEqual([
      { ok: false, reason: 'stale' },
      { ok: false, reason: 'stale' },
    ]);
  });

  it('are refused when missing or malformed, before any secret is tried', () => {
    const signed = signWebhook(NEW, body);
    const timestamp = signed['x-webhook-timestamp'];
    const signature = signed['x-webhook-signature'];
    const verdict = (parts: { timestamp?: string; signature?: string }) =>
      verifyWebhookSignature({ secrets: [NEW], rawBody: Buffer.from(body), toleranceSeconds: 300, timestamp, signature, ...parts });

    expect(verdict({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(verdict({ signature: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(verdict({ signature: '' })).toEqual({ ok: false, reason: 'missing' });
    for (const malformed of [
      { signature: signature.replace('v1=', 'v2=') },
      { signature: signature.toUpperCase().replace('V1=', 'v1=') },
      { signature: signature.slice(0, -1) },
      { signature: `${signature}0` },
      { signature: ` ${signature}` },
      { timestamp: `${timestamp}.5` },
      { timestamp: '1234567890123' },
      { timestamp: `-${timestamp}` },
      { timestamp: ` ${timestamp}` },
    ]) {
      expect(verdict(malformed)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
