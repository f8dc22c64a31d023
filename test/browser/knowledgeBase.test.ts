import { publishArticle } from '../../db/knowledgeArticles';
import { createPool } from '../../db/pool';
import type { Stack } from '../../scripts/stack';
import { checkA11y, expectProblemAnswers, signIn, useBrowser } from '../support/browser';
import { ApiClient, startLocalTestStack } from '../support/stackHarness';

/**
 * The knowledge base in the console: a supervisor finds an article with a customer's question,
 * edits it, is told at the field what the API refused, publishes, and reads the new version beside
 * the old one; an agent reads the same article without edit controls.
 */

let stack: Stack;
let api: ApiClient;
const browser = useBrowser();
/** Its own article, so its versions are this file's alone. */
const articleId = `kettle-switch-${Date.now().toString(36)}`;

beforeAll(async () => {
  stack = await startLocalTestStack('browser-knowledge');
  api = new ApiClient(stack);
  const pool = createPool(stack.databaseUrl, 1);
  try {
    await publishArticle(pool, {
      id: articleId,
      category: 'small_appliance',
      skus: ['KETTLE-1'],
      translations: [
        { locale: 'en', title: 'Kettle switches off before boiling', body: 'Descale it with citric acid.' },
        { locale: 'zh-CN', title: '水壶没烧开就自动断电', body: '请用柠檬酸除垢。' },
      ],
    });
  } finally {
    await pool.end();
  }
  expect((await api.post(`/v1/knowledge/articles/${articleId}/feedback`, { answered: true })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

it('lets a supervisor find an article, edit it, see a refusal at its field, and publish a new version that shows', async () => {
  const page = await browser.newPage();
  expectProblemAnswers(page);
  await signIn(page, stack.apiUrl, 'supervisor', 'sup-1');
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Knowledge base' }).click();
  await page.getByLabel('Customer’s question').fill('kettle turns off before it boils');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: 'Kettle switches off before boiling' }).click();

  await page.getByRole('heading', { level: 1, name: `Article ${articleId}` }).waitFor();
  expect(await page.getByTestId('article-version').textContent()).toBe('1 of 1');
  expect(await page.getByTestId('article-answered').textContent()).toBe('1');
  expect(await page.getByTestId('article-published-by').textContent()).toBe('the service’s seed');
  await checkA11y(page);

  await page.getByRole('button', { name: 'Edit this article' }).click();
  const title = page.getByLabel('Title (English)');
  await title.fill('  ');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.locator('input[aria-invalid="true"]').waitFor();
  expect(await title.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator(`[id="${await title.getAttribute('aria-describedby')}"]`).textContent()).toBe('the title must not be empty');
  await checkA11y(page);

  await title.fill('Kettle turns itself off too early');
  await page.getByLabel('Body (English)').fill('Descale it with citric acid, then check the lid is shut.');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Published version 2.' }).waitFor();
  expect(await page.getByTestId('article-version').textContent()).toBe('2 of 2');
  await page.getByRole('heading', { level: 2, name: 'Kettle turns itself off too early' }).waitFor();
  expect(await page.getByTestId('article-answered').textContent()).toBe('0');
  expect(await page.getByTestId('article-published-by').textContent()).toBe('sup-1');
  await checkA11y(page);

  await page.getByRole('navigation', { name: 'Versions' }).getByRole('link', { name: '1 of 2' }).click();
  await page.getByRole('heading', { level: 2, name: 'Kettle switches off before boiling' }).waitFor();
  expect(await page.getByTestId('article-answered').textContent()).toBe('1');
  expect(await page.getByRole('button', { name: 'Edit this article' }).count()).toBe(0);
});

it('shows an agent the article without edit controls', async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, stack.apiUrl, 'agent', 'agent-ana');
  await page.goto(`${stack.apiUrl}/console/knowledge/${articleId}`);
  await page.getByRole('heading', { level: 1, name: `文章 ${articleId}` }).waitFor();
  await page.getByTestId('article-version').waitFor();

  expect(await page.getByRole('button', { name: '编辑此文章' }).count()).toBe(0);
  await page.goto(`${stack.apiUrl}/console/knowledge`);
  await page.getByRole('table', { name: '文章，最匹配的在前' }).waitFor();
  expect(await page.getByRole('form', { name: '撰写新文章' }).count()).toBe(0);
  await checkA11y(page);
});
