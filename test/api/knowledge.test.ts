import { publishArticle } from '../../db/knowledgeArticles';
import { seedKnowledgeBase } from '../../db/seedKnowledge';
import { ApiHarness } from './support/apiHarness';

/**
 * The knowledge base over HTTP (docs/knowledge.md): the seeded articles searched with the
 * questions customers write, in Chinese without spaces and in English with typos; versions;
 * the answered / not answered counters; what is refused, and to whom.
 */

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-knowledge');
  await seedKnowledgeBase(api.deps.pool);
});

afterAll(async () => {
  await api?.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

async function search(params: Record<string, string>) {
  const res = await api.get(`/v1/knowledge/articles?${new URLSearchParams(params)}`);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; locale: string; title: string; score: number | null; category: string; products: string[] }[];
}

/** A test's own article, so its versions and counters are its own. */
let articleCount = 0;
function testArticleId(name: string): string {
  articleCount += 1;
  return `test-${name}-${articleCount}-${Date.now().toString(36)}`;
}

describe('search', () => {
  it.each([
    ['我的手机充不进电', 'phone-not-charging'],
    ['电视黑屏只有声音', 'tv-no-picture'],
    ['买了几天还能退货吗', 'return-window'],
    ['退款什么时候到账', 'refund-timing'],
    ['快递到哪了', 'delivery-tracking'],
    ['耳机连不上蓝牙', 'headphones-pairing'],
    ['冰箱不冷了', 'fridge-not-cooling'],
  ])('finds the article for the Chinese question %s, which shares no space-separated word with it', async (q, id) => {
    const items = await search({ q });

    expect(items[0]).toMatchObject({ id, locale: 'zh-CN' });
    expect(items[0]!.score).toBeGreaterThan(items[1]?.score ?? 0);
  });

  it.each([
    ['my phone wont chrage', 'phone-not-charging'],
    ['tv has sound but no pictre', 'tv-no-picture'],
    ['when do I get my refnud', 'refund-timing'],
    ['bluetooth earbuds not conecting', 'headphones-pairing'],
    ['where is my parcle', 'delivery-tracking'],
  ])('finds the article for the misspelt English question %s', async (q, id) => {
    const items = await search({ q });

    expect(items[0]).toMatchObject({ id, locale: 'en' });
  });

  it('ranks best first with a confidence in 0..1, an article asked by its title scoring 1', async () => {
    const items = await search({ q: '手机无法充电' });
    const scores = items.map((i) => i.score!);

    expect(items[0]).toMatchObject({ id: 'phone-not-charging', score: 1 });
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
  });

  it('scores a paraphrase below the exact title and above an unrelated article', async () => {
    const [paraphrase] = await search({ q: '我的手机充不进电' });
    const unrelated = (await search({ q: '我的手机充不进电', category: 'tv' }))[0];

    expect(paraphrase!.score).toBeGreaterThan(0.5);
    expect(paraphrase!.score).toBeLessThan(1);
    expect(unrelated?.score ?? 0).toBeLessThan(0.3);
  });

  it('answers in the language asked for when the article has it, whatever language the question is in', async () => {
    const [hit] = await search({ q: "phone won't charge", locale: 'zh-CN' });

    expect(hit).toMatchObject({ id: 'phone-not-charging', locale: 'zh-CN', title: '手机无法充电', score: 1 });
  });

  it('falls back to the language the article is written in when it has no translation in the one asked for', async () => {
    const id = testArticleId('dishwasher-spots');
    await publishArticle(api.deps.pool, {
      id,
      category: 'large_appliance',
      skus: ['DISHWASHER-6'],
      translations: [{ locale: 'en', title: 'Dishwasher leaves white spots on glasses', body: 'Refill the rinse aid and the salt.' }],
    });
    const items = await search({ q: 'dishwasher white spots', locale: 'zh-CN' });

    expect(items[0]).toMatchObject({ id, locale: 'en', title: 'Dishwasher leaves white spots on glasses' });
  });

  it('narrows by category and by product, a product also finding the articles about no product', async () => {
    expect((await search({ q: '没有画面', category: 'phone' })).every((i) => i.category === 'phone')).toBe(true);
    const tv = await search({ category: 'tv' });
    expect(tv.map((i) => i.id)).toEqual(['tv-no-picture']);
    expect(tv[0]!.score).toBeNull();

    const forPhone = await search({ sku: 'PHONE-X', limit: '50' });
    expect(forPhone.every((i) => i.products.length === 0 || i.products.includes('PHONE-X'))).toBe(true);
    expect(forPhone.map((i) => i.id)).toEqual(expect.arrayContaining(['phone-not-charging', 'return-window']));
    expect(forPhone.map((i) => i.id)).not.toContain('tv-no-picture');
  });

  it('finds nothing for a question of filler words only, or one about nothing in it', async () => {
    expect(await search({ q: '我的了吗' })).toEqual([]);
    expect(await search({ q: 'zzqx' })).toEqual([]);
  });

  it('gives at most limit articles', async () => {
    expect(await search({ limit: '3' })).toHaveLength(3);
  });
});

describe('versions', () => {
  it('supersedes an article with a new version and keeps the old one readable', async () => {
    const id = testArticleId('kettle-limescale');
    const v1 = {
      id,
      category: 'small_appliance' as const,
      skus: ['KETTLE-1'],
      translations: [
        { locale: 'en' as const, title: 'Kettle has limescale', body: 'Boil water with vinegar.' },
        { locale: 'zh-CN' as const, title: '水壶有水垢', body: '用白醋烧水。' },
      ],
    };
    expect(await publishArticle(api.deps.pool, v1)).toEqual({ version: 1, published: true });
    expect(await publishArticle(api.deps.pool, v1)).toEqual({ version: 1, published: false });
    const v2 = { ...v1, translations: [{ locale: 'en' as const, title: 'Descaling the kettle', body: 'Boil water with citric acid.' }, v1.translations[1]!] };
    expect(await publishArticle(api.deps.pool, v2)).toEqual({ version: 2, published: true });

    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({
      id,
      version: 2,
      latestVersion: 2,
      category: 'small_appliance',
      products: ['KETTLE-1'],
      translations: [
        { locale: 'en', title: 'Descaling the kettle' },
        { locale: 'zh-CN', title: '水壶有水垢' },
      ],
    });
    expect((await api.get(`/v1/knowledge/articles/${id}?version=1`)).body).toMatchObject({
      version: 1,
      latestVersion: 2,
      translations: [{ locale: 'en', title: 'Kettle has limescale' }, { locale: 'zh-CN' }],
    });
    // Search reads the latest version only.
    const hits = await search({ q: 'kettle limescale vinegar', category: 'small_appliance' });
    expect(hits.find((h) => h.id === id)).toMatchObject({ title: 'Descaling the kettle' });
  });

  it('is 404 for an article or a version that does not exist', async () => {
    const missing = await api.get('/v1/knowledge/articles/no-such-article');
    expect(missing).toMatchObject({ status: 404, body: { type: problemType('not-found'), articleId: 'no-such-article' } });
    expect((await api.get('/v1/knowledge/articles/phone-not-charging?version=99')).status).toBe(404);
  });
});

describe('feedback', () => {
  async function freshArticle(): Promise<string> {
    const id = testArticleId('feedback');
    await publishArticle(api.deps.pool, {
      id,
      category: 'delivery',
      skus: [],
      translations: [{ locale: 'en', title: 'Parcel arrived damaged', body: 'Keep the packaging and send us a photo.' }],
    });
    return id;
  }

  it('counts answered and not answered on the version', async () => {
    const id = await freshArticle();
    await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: true });
    await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: true });
    const last = await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: false });

    expect(last).toMatchObject({ status: 200, body: { id, version: 1, answered: 2, notAnswered: 1 } });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({ answered: 2, notAnswered: 1 });
    const [hit] = await search({ q: 'Parcel arrived damaged', category: 'delivery' });
    expect(hit).toMatchObject({ id, answered: 2, notAnswered: 1 });
  });

  it('counts a request repeated with its Idempotency-Key once, and refuses the key with other feedback', async () => {
    const id = await freshArticle();
    const first = await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: true }, { 'idempotency-key': 'fb-1' });
    const again = await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: true }, { 'idempotency-key': 'fb-1' });
    const other = await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: false }, { 'idempotency-key': 'fb-1' });

    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again).toMatchObject({ status: 200, body: { answered: 1, notAnswered: 0 } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(other).toMatchObject({ status: 422, body: { type: problemType('idempotency-key-reuse') } });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({ answered: 1, notAnswered: 0 });
  });

  it('counts on the version the customer was shown', async () => {
    const id = await freshArticle();
    await publishArticle(api.deps.pool, {
      id,
      category: 'delivery',
      skus: [],
      translations: [{ locale: 'en', title: 'Parcel arrived damaged', body: 'Keep the packaging, send us a photo within 48 hours.' }],
    });
    await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: false, version: 1 });

    expect((await api.get(`/v1/knowledge/articles/${id}?version=1`)).body).toMatchObject({ notAnswered: 1 });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({ version: 2, notAnswered: 0 });
  });

  it('is 404 for an unknown article and changes nothing on a bad request', async () => {
    const id = await freshArticle();
    expect((await api.post('/v1/knowledge/articles/no-such-article/feedback', { answered: true })).status).toBe(404);
    expect((await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: true, version: 7 })).status).toBe(404);
    const bad = await api.post(`/v1/knowledge/articles/${id}/feedback`, { answered: 'yes' });

    expect(bad).toMatchObject({ status: 400, body: { type: problemType('validation'), errors: [{ in: 'body', path: 'answered' }] } });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({ answered: 0, notAnswered: 0 });
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown locale', 'locale=fr', 'locale'],
    ['an unknown category', 'category=toys', 'category'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit over 50', 'limit=51', 'limit'],
    ['a limit that is no number', 'limit=ten', 'limit'],
    ['an empty question', 'q=', 'q'],
    ['a question over 200 characters', `q=${'问'.repeat(201)}`, 'q'],
    ['a malformed SKU', 'sku=%20bad%20sku', 'sku'],
  ])('refuses a search with %s: 400 naming the field', async (_what, query, field) => {
    const res = await api.get(`/v1/knowledge/articles?${query}`);

    expect(res).toMatchObject({ status: 400, body: { type: problemType('validation'), errors: [{ in: 'query', path: field }] } });
  });

  it('refuses a malformed article id or version with a 400', async () => {
    expect((await api.get('/v1/knowledge/articles/Bad_Id')).body).toMatchObject({ status: 400, errors: [{ in: 'path', path: 'id' }] });
    expect((await api.get('/v1/knowledge/articles/phone-not-charging?version=0')).body).toMatchObject({
      status: 400,
      errors: [{ in: 'query', path: 'version' }],
    });
  });
});

describe('access', () => {
  it.each([
    ['customer', { sub: 'cust-0193', role: 'customer' as const }],
    ['supplier', { sub: 'acme-repairs', role: 'supplier' as const }],
  ])('refuses a %s every knowledge route with 403', async (_who, principal) => {
    const as = api.as(principal);

    expect((await as.get('/v1/knowledge/articles?q=phone')).status).toBe(403);
    expect((await as.get('/v1/knowledge/articles/phone-not-charging')).status).toBe(403);
    expect((await as.post('/v1/knowledge/articles/phone-not-charging/feedback', { answered: true })).status).toBe(403);
  });

  it('lets an agent search and is 401 without a token', async () => {
    expect((await api.as({ sub: 'agent-ana', role: 'agent' }).get('/v1/knowledge/articles?q=refund')).status).toBe(200);
    expect((await api.as(null).get('/v1/knowledge/articles?q=refund')).status).toBe(401);
  });
});
