import { seedKnowledgeBase } from '../../db/seedKnowledge';
import { type ApiClient, ApiHarness } from './support/apiHarness';

/**
 * Staff writing the knowledge base over HTTP (docs/knowledge.md#writing-articles): a supervisor
 * publishes an article, edits it into new versions while the old ones stay readable, two editors
 * do not overwrite each other unseen, agents only read, and a bad article is refused at its field.
 */

let api: ApiHarness;
const supervisor = { sub: 'sup-mei', role: 'supervisor' as const };

beforeAll(async () => {
  api = await ApiHarness.start('api-knowledge-writing');
  await seedKnowledgeBase(api.deps.pool);
});

afterAll(async () => {
  await api?.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

let articleCount = 0;
/** A test's own article, so its versions are its own. */
function newArticleId(name: string): string {
  articleCount += 1;
  return `writing-${name}-${articleCount}-${Date.now().toString(36)}`;
}

function publish(as: ApiClient, id: string, body: unknown) {
  return as.request('PUT', `/v1/knowledge/articles/${id}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

const washer = {
  category: 'large_appliance',
  products: ['WASHER-8'],
  translations: [
    { locale: 'zh-CN', title: '洗衣机排不出水', body: '洗衣机洗完后桶里还有水：请清理底部的排水过滤器，检查排水管有没有弯折。' },
    { locale: 'en', title: 'Washing machine does not drain', body: 'Clean the drain filter at the bottom front and check the drain hose for kinks.' },
  ],
};

describe('publishing', () => {
  it('creates an article with its first version: 201, where it is, and who published it', async () => {
    const id = newArticleId('washer');
    const res = await publish(api.as(supervisor), id, washer);

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/knowledge/articles/${id}`);
    expect(res.body).toMatchObject({ id, version: 1, latestVersion: 1, published: true, publishedBy: 'sup-mei', answered: 0, notAnswered: 0 });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({
      id,
      version: 1,
      category: 'large_appliance',
      products: ['WASHER-8'],
      publishedBy: 'sup-mei',
      translations: [
        { locale: 'en', title: 'Washing machine does not drain' },
        { locale: 'zh-CN', title: '洗衣机排不出水' },
      ],
    });
  });

  it('publishes nothing for the same content again, however it is ordered or spaced: 200, published false', async () => {
    const id = newArticleId('same');
    expect((await publish(api.as(supervisor), id, washer)).status).toBe(201);
    const reordered = {
      ...washer,
      translations: [...washer.translations].reverse().map((t) => ({ ...t, title: ` ${t.title}  ` })),
    };
    const again = await publish(api.as({ sub: 'sup-1', role: 'supervisor' }), id, reordered);

    expect(again.status).toBe(200);
    expect(again.headers.get('location')).toBeNull();
    expect(again.body).toMatchObject({ version: 1, latestVersion: 1, published: false, publishedBy: 'sup-mei' });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({ version: 1, latestVersion: 1 });
  });

  it('publishes changed content as the next version and keeps the old one readable as it was', async () => {
    const id = newArticleId('edit');
    await publish(api.as(supervisor), id, washer);
    const edited = {
      ...washer,
      products: ['WASHER-8', 'WASHER-9'],
      translations: [washer.translations[0], { ...washer.translations[1], title: 'Washer will not pump out water' }],
      baseVersion: 1,
    };
    const res = await publish(api.as({ sub: 'admin-ada', role: 'admin' }), id, edited);

    expect(res).toMatchObject({ status: 200, body: { version: 2, latestVersion: 2, published: true, publishedBy: 'admin-ada' } });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({
      version: 2,
      products: ['WASHER-8', 'WASHER-9'],
      translations: [{ locale: 'en', title: 'Washer will not pump out water' }, { locale: 'zh-CN' }],
    });
    expect((await api.get(`/v1/knowledge/articles/${id}?version=1`)).body).toMatchObject({
      version: 1,
      latestVersion: 2,
      products: ['WASHER-8'],
      publishedBy: 'sup-mei',
      translations: [{ locale: 'en', title: 'Washing machine does not drain' }, { locale: 'zh-CN' }],
    });
  });

  it('shows no author on the articles the service was seeded with', async () => {
    expect((await api.get('/v1/knowledge/articles/refund-timing')).body).toMatchObject({ id: 'refund-timing', publishedBy: null });
  });

  it('makes a new article and its edits findable at once, in Chinese without spaces and in English', async () => {
    const id = newArticleId('search');
    await publish(api.as(supervisor), id, washer);

    const zh = (await api.get(`/v1/knowledge/articles?${new URLSearchParams({ q: '我的洗衣机不排水', category: 'large_appliance', limit: '50' })}`)).body;
    expect(zh.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(zh.items.find((i: { id: string }) => i.id === id)).toMatchObject({ locale: 'zh-CN', title: '洗衣机排不出水', version: 1 });

    await publish(api.as(supervisor), id, { ...washer, translations: [{ locale: 'en', title: 'Washer full of water after a wash', body: 'Clean the drain filter.' }] });
    const en = (await api.get(`/v1/knowledge/articles?${new URLSearchParams({ q: 'washer full of water', category: 'large_appliance', limit: '50' })}`)).body;
    expect(en.items.find((i: { id: string }) => i.id === id)).toMatchObject({ locale: 'en', title: 'Washer full of water after a wash', version: 2 });
  });
});

describe('two editors', () => {
  it('refuses an edit of a version that is no longer the latest: 409 naming the latest, and publishes nothing', async () => {
    const id = newArticleId('race');
    await publish(api.as(supervisor), id, washer);
    const first = { ...washer, translations: [{ locale: 'en', title: 'Drain the washer', body: 'Open the filter flap.' }], baseVersion: 1 };
    const second = { ...washer, translations: [{ locale: 'en', title: 'Washer drain blocked', body: 'Check the hose.' }], baseVersion: 1 };
    expect((await publish(api.as(supervisor), id, first)).body).toMatchObject({ version: 2, published: true });

    const late = await publish(api.as({ sub: 'sup-1', role: 'supervisor' }), id, second);

    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(late.body).toMatchObject({ type: problemType('stale-version'), articleId: id, baseVersion: 1, latestVersion: 2 });
    expect(late.body.detail).toMatch(/version 2/);
    expect((await api.get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({ version: 2, translations: [{ title: 'Drain the washer' }] });
  });

  it('answers a retried publication with its version rather than a conflict, its base being the one it replaced', async () => {
    const id = newArticleId('retry');
    await publish(api.as(supervisor), id, washer);
    const edit = { ...washer, products: ['WASHER-9'], baseVersion: 1 };
    await publish(api.as(supervisor), id, edit);

    expect(await publish(api.as(supervisor), id, edit)).toMatchObject({ status: 200, body: { version: 2, published: false } });
  });

  it('refuses a base version for an article that has none yet', async () => {
    const id = newArticleId('no-base');
    const res = await publish(api.as(supervisor), id, { ...washer, baseVersion: 3 });

    expect(res).toMatchObject({ status: 409, body: { type: problemType('stale-version'), latestVersion: null } });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).status).toBe(404);
  });
});

describe('who may write', () => {
  it.each([
    ['an agent', { sub: 'agent-ana', role: 'agent' as const }],
    ['a customer', { sub: 'cust-0193', role: 'customer' as const }],
    ['a supplier', { sub: 'acme-repairs', role: 'supplier' as const }],
  ])('refuses %s with 403 and publishes nothing', async (_who, principal) => {
    const id = newArticleId('refused');
    const res = await publish(api.as(principal), id, washer);

    expect(res).toMatchObject({ status: 403, body: { type: problemType('forbidden') } });
    expect((await api.get(`/v1/knowledge/articles/${id}`)).status).toBe(404);
  });

  it('lets an agent read what a supervisor wrote, and refuses a caller without a token with 401', async () => {
    const id = newArticleId('read');
    await publish(api.as(supervisor), id, washer);

    expect((await api.as({ sub: 'agent-ana', role: 'agent' }).get(`/v1/knowledge/articles/${id}`)).body).toMatchObject({ id, publishedBy: 'sup-mei' });
    expect((await publish(api.as(null), id, washer)).status).toBe(401);
  });
});

describe('bad input', () => {
  const en = washer.translations[1]!;
  it.each([
    ['an unknown category', { ...washer, category: 'toys' }, 'category'],
    ['no products field', { category: washer.category, translations: washer.translations }, 'products'],
    ['a malformed product', { ...washer, products: ['bad sku'] }, 'products.0'],
    ['a product twice', { ...washer, products: ['WASHER-8', 'WASHER-8'] }, 'products'],
    ['no translation', { ...washer, translations: [] }, 'translations'],
    ['two translations in one language', { ...washer, translations: [en, en] }, 'translations'],
    ['an unknown language', { ...washer, translations: [{ ...en, locale: 'fr' }] }, 'translations.0.locale'],
    ['a title of spaces', { ...washer, translations: [{ ...en, title: '   ' }] }, 'translations.0.title'],
    ['a title over 200 characters', { ...washer, translations: [{ ...en, title: '题'.repeat(201) }] }, 'translations.0.title'],
    ['no body', { ...washer, translations: [{ locale: 'en', title: 'A title' }] }, 'translations.0.body'],
    ['a base version of 0', { ...washer, baseVersion: 0 }, 'baseVersion'],
  ])('refuses %s: 400 naming the field, and publishes nothing', async (_what, body, field) => {
    const id = newArticleId('bad');
    const res = await publish(api.as(supervisor), id, body);

    expect(res).toMatchObject({ status: 400, body: { type: problemType('validation') } });
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path: field }));
    expect((await api.get(`/v1/knowledge/articles/${id}`)).status).toBe(404);
  });

  it('refuses a malformed article id, a body that is no JSON, and one that is not JSON at all', async () => {
    expect((await publish(api.as(supervisor), 'Bad_Id', washer)).body).toMatchObject({ status: 400, errors: [{ in: 'path', path: 'id' }] });
    const path = `/v1/knowledge/articles/${newArticleId('raw')}`;
    const broken = await api.as(supervisor).request('PUT', path, { body: '{"category":', headers: { 'content-type': 'application/json' } });
    const text = await api.as(supervisor).request('PUT', path, { body: 'phone', headers: { 'content-type': 'text/plain' } });

    expect(broken).toMatchObject({ status: 400, body: { type: problemType('malformed-json') } });
    expect(text).toMatchObject({ status: 415, body: { type: problemType('unsupported-media-type') } });
  });
});

it('is published in the contract with its answers and who may call it', async () => {
  const put = (await api.get('/openapi.json')).body.paths['/v1/knowledge/articles/{id}'].put;

  expect(put.operationId).toBe('publishKnowledgeArticle');
  expect(put.description).toBe('Bearer token with role supervisor, admin');
  expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '403', '409']));
});
