import { z } from 'zod';
import { Sku } from '../../domain';
import { ArticleTranslation, KnowledgeArticleContent, KnowledgeArticleId, KnowledgeCategory, KnowledgeLocale } from '../../domain/knowledge';

const Count = z.number().int().nonnegative();
const Version = z.coerce.number().int().min(1).max(1_000_000);

export const KnowledgeSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'the question must not be empty')
    // As every query value of the API: a question, not a document.
    .max(200)
    .optional()
    .meta({ description: "The customer's question as written, in Chinese or English; absent: every article, by id" }),
  locale: KnowledgeLocale.optional().meta({
    description: "The language to answer in: each article in it when written in it, else in the language it matched in",
  }),
  category: KnowledgeCategory.optional(),
  sku: Sku.optional().meta({ description: 'Articles about this product, and those about no product in particular' }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const KnowledgeArticleParams = z.object({ id: KnowledgeArticleId });
export const KnowledgeArticleQuery = z.object({
  version: Version.optional().meta({ description: 'An earlier version, as it was; absent: the latest' }),
});

const counters = {
  answered: Count.meta({ description: "Times this version answered a customer's question" }),
  notAnswered: Count.meta({ description: 'Times it did not' }),
};

export const KnowledgeSearchHit = z
  .object({
    id: KnowledgeArticleId,
    version: z.number().int().min(1),
    locale: KnowledgeLocale,
    title: z.string(),
    body: z.string(),
    category: KnowledgeCategory,
    products: z.array(Sku),
    score: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .meta({ description: 'Confidence the article answers the question, 0..1 (docs/knowledge.md#confidence); null without a question' }),
    ...counters,
  })
  .meta({ id: 'KnowledgeSearchHit' });

export const KnowledgeSearchResult = z
  .object({ items: z.array(KnowledgeSearchHit).meta({ description: 'Best first' }) })
  .meta({ id: 'KnowledgeSearchResult' });

export const KnowledgeArticleView = z
  .object({
    id: KnowledgeArticleId,
    version: z.number().int().min(1),
    latestVersion: z.number().int().min(1),
    publishedAt: z.iso.datetime({ offset: true }),
    publishedBy: z
      .string()
      .nullable()
      .meta({ description: 'The supervisor or admin who published this version (their id); null for an article the service was seeded with' }),
    category: KnowledgeCategory,
    products: z.array(Sku),
    translations: z.array(ArticleTranslation),
    ...counters,
  })
  .meta({ id: 'KnowledgeArticle' });

export const KnowledgeArticlePublication = z
  .object({
    category: KnowledgeCategory,
    products: z
      .array(Sku)
      .max(100)
      .refine((skus) => new Set(skus).size === skus.length, 'each product once')
      .meta({ description: 'The products (SKUs) it is about; none: an article about the service in general' }),
    translations: KnowledgeArticleContent.shape.translations.meta({
      description: 'Its text in zh-CN, en or both, each a title in the words customers use and a body; the whole article, not a change to it',
    }),
    baseVersion: z.number().int().min(1).max(1_000_000).optional().meta({
      description:
        'The version the editor started from: changed content is refused (409 stale-version) when a later version was published since. Absent: no check',
    }),
  })
  .meta({ id: 'KnowledgeArticlePublication' });

export const KnowledgeArticlePublished = KnowledgeArticleView.extend({
  published: z.boolean().meta({
    description: 'Whether this request published a new version (`version`); false when the content was the latest version’s already',
  }),
}).meta({ id: 'KnowledgeArticlePublished' });

export const ArticleFeedback = z
  .object({
    answered: z.boolean({ error: 'answered must be true or false' }),
    version: z.number().int().min(1).optional().meta({ description: 'The version the customer was shown; absent: the latest' }),
  })
  .meta({ id: 'KnowledgeArticleFeedback' });

export const ArticleFeedbackAck = z
  .object({ id: KnowledgeArticleId, version: z.number().int().min(1), ...counters })
  .meta({ id: 'KnowledgeArticleFeedbackAck' });
