import type { Pool, PoolClient } from 'pg';
import type { ArticleTranslation, KnowledgeArticleContent, KnowledgeCategory } from '../domain/knowledge';
import { gramsOf, rankArticles, type RankedArticle } from '../domain/knowledgeSearch';
import { SqlParams } from './sqlParams';
import { inTransaction } from './transaction';

/** One version of an article as stored, with its translations and how it has fared. */
export interface KnowledgeArticle {
  id: string;
  version: number;
  category: KnowledgeCategory;
  skus: string[];
  publishedAt: string;
  /** The staff member who published this version (their token's subject); null for the seed's. */
  publishedBy: string | null;
  answered: number;
  notAnswered: number;
  translations: ArticleTranslation[];
}

interface ArticleRow {
  id: string;
  version: number;
  category: KnowledgeCategory;
  skus: string[];
  /** An ISO string: our pools parse timestamps so (db/pool.ts). */
  published_at: string;
  published_by: string | null;
  answered: number;
  not_answered: number;
  translations: ArticleTranslation[];
}

function toArticle(row: ArticleRow): KnowledgeArticle {
  return {
    id: row.id,
    version: row.version,
    category: row.category,
    skus: row.skus,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    answered: row.answered,
    notAnswered: row.not_answered,
    translations: row.translations,
  };
}

/** `versions` picks the rows; the translations come along, in a fixed order. */
function articleSelect(versions: string, where: string): string {
  return `WITH v AS (${versions})
    SELECT v.id, v.version, v.category, v.skus, v.published_at, v.published_by, v.answered, v.not_answered,
           json_agg(json_build_object('locale', t.locale, 'title', t.title, 'body', t.body) ORDER BY t.locale) AS translations
      FROM v JOIN knowledge_translations t ON t.article_id = v.id AND t.version = v.version
     WHERE ${where}
     GROUP BY v.id, v.version, v.category, v.skus, v.published_at, v.published_by, v.answered, v.not_answered
     ORDER BY v.id`;
}

const latestVersions = 'SELECT DISTINCT ON (id) * FROM knowledge_articles ORDER BY id, version DESC';

/** The latest version of an article, or the one asked for; null when there is none. */
export async function findArticle(db: Pool | PoolClient, id: string, version?: number): Promise<KnowledgeArticle | null> {
  const versions =
    version === undefined
      ? 'SELECT * FROM knowledge_articles WHERE id = $1 ORDER BY version DESC LIMIT 1'
      : 'SELECT * FROM knowledge_articles WHERE id = $1 AND version = $2';
  const { rows } = await db.query<ArticleRow>(articleSelect(versions, 'true'), version === undefined ? [id] : [id, version]);
  return rows[0] ? toArticle(rows[0]) : null;
}

function sameContent(article: KnowledgeArticle, content: KnowledgeArticleContent): boolean {
  const byLocale = (ts: ArticleTranslation[]) =>
    JSON.stringify([...ts].sort((a, b) => a.locale.localeCompare(b.locale)).map((t) => [t.locale, t.title, t.body]));
  return (
    article.category === content.category &&
    JSON.stringify([...article.skus].sort()) === JSON.stringify([...content.skus].sort()) &&
    byLocale(article.translations) === byLocale(content.translations)
  );
}

export interface Publication {
  content: KnowledgeArticleContent;
  /** The staff member publishing it (their token's subject); absent for the seed. */
  publishedBy?: string;
  /**
   * The version the editor started from: changed content is refused unless that is still the
   * latest, so two editors of one article do not overwrite each other unseen. Absent: no check.
   */
  baseVersion?: number;
}

export type PublicationOutcome =
  /** published: a new version; unchanged: the content is the latest version's, which is the answer. */
  | { kind: 'published' | 'unchanged'; article: KnowledgeArticle }
  /** Someone published since baseVersion (latestVersion), or the article has no version yet (null). */
  | { kind: 'stale'; latestVersion: number | null };

/**
 * Publishes an article: a new version when its content differs from the latest one, nothing when
 * it is the same (so a seed run again, or an editor's request retried after a lost answer,
 * changes nothing, whatever its base version). Concurrent publishers of one article queue on a
 * lock, so each version number is given once and the base version is compared with the latest.
 */
export async function publishVersion(pool: Pool, publication: Publication): Promise<PublicationOutcome> {
  const { content, publishedBy, baseVersion } = publication;
  return inTransaction(
    pool,
    async (client): Promise<PublicationOutcome> => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('knowledge:' || $1))", [content.id]);
      const latest = await findArticle(client, content.id);
      if (latest && sameContent(latest, content)) return { kind: 'unchanged', article: latest };
      if (baseVersion !== undefined && baseVersion !== latest?.version) return { kind: 'stale', latestVersion: latest?.version ?? null };
      const version = (latest?.version ?? 0) + 1;
      await client.query('INSERT INTO knowledge_articles (id, version, category, skus, published_by) VALUES ($1, $2, $3, $4, $5)', [
        content.id,
        version,
        content.category,
        content.skus,
        publishedBy ?? null,
      ]);
      for (const t of content.translations) {
        await client.query(
          'INSERT INTO knowledge_translations (article_id, version, locale, title, body, grams) VALUES ($1, $2, $3, $4, $5, $6)',
          [content.id, version, t.locale, t.title, t.body, [...gramsOf(`${t.title} ${t.body}`).keys()]],
        );
      }
      return { kind: 'published', article: (await findArticle(client, content.id, version))! };
    },
    (outcome) => outcome.kind === 'published',
  );
}

/** Publishes without an author or a base version: the seed's way (db/seedKnowledge.ts). */
export async function publishArticle(pool: Pool, content: KnowledgeArticleContent): Promise<{ version: number; published: boolean }> {
  const outcome = await publishVersion(pool, { content });
  // Only a base version can be stale, and none was given.
  if (outcome.kind === 'stale') throw new Error(`publishing ${content.id} without a base version was refused as stale`);
  return { version: outcome.article.version, published: outcome.kind === 'published' };
}

export interface CandidateFilter {
  /** The question's grams: only articles sharing one are candidates. Absent: every article. */
  grams?: string[];
  category?: KnowledgeCategory;
  /** Articles about this product, and those about no product in particular. */
  sku?: string;
}

/** The latest version of every article the filter lets through, for ranking (domain/knowledgeSearch.ts). */
export async function candidateArticles(pool: Pool, filter: CandidateFilter): Promise<KnowledgeArticle[]> {
  const params = new SqlParams();
  const where: string[] = ['true'];
  if (filter.category) where.push(`v.category = ${params.add(filter.category)}`);
  if (filter.sku) where.push(`(${params.add(filter.sku)} = ANY(v.skus) OR cardinality(v.skus) = 0)`);
  if (filter.grams) {
    where.push(`EXISTS (SELECT 1 FROM knowledge_translations m
                         WHERE m.article_id = v.id AND m.version = v.version AND m.grams && ${params.add(filter.grams)}::text[])`);
  }
  const { rows } = await pool.query<ArticleRow>(articleSelect(latestVersions, where.join(' AND ')), params.values);
  return rows.map(toArticle);
}

export interface FeedbackRequest {
  id: string;
  /** The version the customer was shown; the latest when absent. */
  version?: number;
  answered: boolean;
  /** Who sent it and their Idempotency-Key: the same pair counts once. */
  idempotency?: { caller: string; key: string };
}

export type FeedbackOutcome =
  | { kind: 'counted' | 'replayed'; article: KnowledgeArticle }
  | { kind: 'not-found' }
  | { kind: 'key-reused' };

/** Counts the customer's word on an article: it answered their question, or it did not. */
export async function recordArticleFeedback(pool: Pool, request: FeedbackRequest): Promise<FeedbackOutcome> {
  return inTransaction(
    pool,
    async (client): Promise<FeedbackOutcome> => {
      const article = await findArticle(client, request.id, request.version);
      if (!article) return { kind: 'not-found' };
      if (request.idempotency) {
        const { caller, key } = request.idempotency;
        const inserted = await client.query(
          `INSERT INTO knowledge_feedback_requests (caller, idempotency_key, article_id, version, answered)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [caller, key, article.id, article.version, request.answered],
        );
        if (inserted.rowCount === 0) {
          const { rows } = await client.query<{ article_id: string; version: number; answered: boolean }>(
            'SELECT article_id, version, answered FROM knowledge_feedback_requests WHERE caller = $1 AND idempotency_key = $2',
            [caller, key],
          );
          const first = rows[0]!;
          const same =
            first.article_id === request.id && first.answered === request.answered && (request.version ?? first.version) === first.version;
          if (!same) return { kind: 'key-reused' };
          return { kind: 'replayed', article: (await findArticle(client, first.article_id, first.version))! };
        }
      }
      const counter = request.answered ? 'answered' : 'not_answered';
      await client.query(`UPDATE knowledge_articles SET ${counter} = ${counter} + 1 WHERE id = $1 AND version = $2`, [
        article.id,
        article.version,
      ]);
      return { kind: 'counted', article: (await findArticle(client, article.id, article.version))! };
    },
    (outcome) => outcome.kind === 'counted',
  );
}

export interface ArticleSearch {
  question?: string;
  locale?: string;
  category?: KnowledgeCategory;
  sku?: string;
  limit: number;
}

/**
 * The latest articles for a question, best first: those sharing a gram with it, ranked by
 * confidence (domain/knowledgeSearch.ts). Agents' search and the inquiry's automated answer read
 * the same ranking, so what an agent sees is what the customer would have been sent.
 */
export async function searchArticles(pool: Pool, search: ArticleSearch): Promise<RankedArticle<KnowledgeArticle>[]> {
  const grams = search.question === undefined ? undefined : [...gramsOf(search.question).keys()];
  // A question of filler words only matches nothing, rather than everything.
  if (grams?.length === 0) return [];
  const candidates = await candidateArticles(pool, { grams, category: search.category, sku: search.sku });
  return rankArticles(candidates, search);
}
