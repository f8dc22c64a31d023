import type { Pool } from 'pg';
import { publishArticle } from './knowledgeArticles';
import { seedArticles } from './knowledgeSeedArticles';

/**
 * The local stack's knowledge base, so a sandbox's questions have answers. Idempotent: an article
 * as it was gets no new version. Production publishes its own articles and never seeds.
 */
export async function seedKnowledgeBase(pool: Pool): Promise<void> {
  for (const article of seedArticles) await publishArticle(pool, article);
}
