import { z } from 'zod';
import { ProductCategory } from '../workflows/repairs/vocabulary';
import { Sku } from './case';
import { Language } from './customer';

/**
 * The knowledge base's vocabulary (docs/knowledge.md): an article answers one kind of question,
 * about a product category the repair process knows or about the service in general, in one or
 * both of the languages customers write in.
 */

/** An article is written in the languages customers read (domain/customer.ts). */
export const KnowledgeLocale = Language;
export type KnowledgeLocale = Language;

export const KnowledgeCategory = z
  .enum([...ProductCategory.options, 'order_status', 'returns_policy', 'delivery', 'billing', 'product'])
  .meta({ id: 'KnowledgeCategory', description: "A repair product category, or one of the service's general subjects" });
export type KnowledgeCategory = z.infer<typeof KnowledgeCategory>;

export const KnowledgeArticleId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and - only')
  .meta({ id: 'KnowledgeArticleId' });

// Trimmed, so a title of spaces is refused as empty and stray spaces make no new version.
export const ArticleTranslation = z
  .object({
    locale: KnowledgeLocale,
    title: z.string().trim().min(1, 'the title must not be empty').max(200),
    body: z.string().trim().min(1, 'the body must not be empty').max(10_000),
  })
  .meta({ id: 'KnowledgeArticleTranslation' });
export type ArticleTranslation = z.infer<typeof ArticleTranslation>;

/** What is published: a new version when it differs from the latest one. */
export const KnowledgeArticleContent = z.object({
  id: KnowledgeArticleId,
  category: KnowledgeCategory,
  /** The products it is about; none for an article about the service in general. */
  skus: z.array(Sku),
  translations: z
    .array(ArticleTranslation)
    .min(1)
    .refine((ts) => new Set(ts.map((t) => t.locale)).size === ts.length, 'one translation per locale'),
});
export type KnowledgeArticleContent = z.infer<typeof KnowledgeArticleContent>;
