import type { KnowledgeMatch } from '../../activities/types';
import { seedArticles } from '../../db/knowledgeSeedArticles';
import { rankArticles, roundedScore } from '../../domain/knowledgeSearch';
import { confidentAnswer } from '../../workflows/inquiries/confidence';
import { inquiryPolicy } from '../../workflows/inquiries/policy';

/**
 * How the automated answer's threshold was calibrated (docs/processes/inquiries.md#confidence):
 * questions customers write, in Chinese and English, against the seeded articles, each with the
 * article that answers it or none. The policy's rule must send every answer it sends right, and
 * leave to a person what two articles fit equally or none fits. A change of the rule, the scoring
 * or the seed that breaks a row shows here, with the question it now gets wrong.
 */
const { automatedAnswer } = inquiryPolicy.profiles.standard;

function decide(question: string): string | null {
  const ranked = rankArticles([...seedArticles], { question, limit: 2 });
  const matches: KnowledgeMatch[] = ranked.map(({ article, translation, score }) => ({
    articleId: article.id,
    version: 1,
    category: article.category,
    locale: translation.locale,
    title: translation.title,
    body: translation.body,
    score: roundedScore(score ?? 0),
  }));
  return confidentAnswer(matches, automatedAnswer)?.articleId ?? null;
}

/** Answered by the knowledge base alone: the article it sends. */
const answered: [string, string][] = [
  ['退款多久能到账', 'refund-timing'],
  ['When will my refund arrive?', 'refund-timing'],
  ['手机充不进电怎么办', 'phone-not-charging'],
  ['my phone will not charge', 'phone-not-charging'],
  ['I was charged twice for my order', 'double-charge'],
  ['退货期限是几天', 'return-window'],
  ['冰箱不冷了', 'fridge-not-cooling'],
  ['电视没有画面只有声音', 'tv-no-picture'],
  ['蓝牙耳机连不上手机', 'headphones-pairing'],
  ['does the warranty cover a cracked screen', 'warranty-coverage'],
  ['What does the status shipped mean on my order?', 'order-status'],
];

/** Left to a person: nothing fits well enough, or two articles fit almost equally. */
const toPerson: [string, string][] = [
  ['phone', 'two phone articles score 0.87 and 0.84: a guess'],
  ['手机', 'the same in Chinese: 0.85 and 0.83'],
  ['Do you sell gift wrapping for the jacket?', 'no article is about it (0.30)'],
  ['你们有发票吗', 'no article is about invoices (0.24)'],
  ['门店几点开门', 'opening hours are in no article (0.06)'],
  ['Can I pay with a credit card?', 'payment methods are in no article (0.36)'],
  ['这个颜色还有货吗', 'stock is in no article (0.09)'],
  // Answerable, but worded too far from the article for the rule: a person answers; the article's
  // "not answered" count and these rows say where the seed needs better wording.
  ['我的退款什么时候到', 'refund-timing scores 0.39'],
  ['我被扣了两次钱', 'double-charge scores 0.14: 扣了两次 shares little with 重复扣款'],
  ['how many days do I have to return a jacket', 'return-window leads only by 0.05'],
];

describe('the automated answer rule of the standard inquiry policy', () => {
  test.each(answered)('answers %j with %s', (question, article) => {
    expect(decide(question)).toBe(article);
  });

  test.each(toPerson)('leaves %j to a person (%s)', (question) => {
    expect(decide(question)).toBeNull();
  });

  test('is right whenever it answers in the calibration set', () => {
    // Precision over the set: every automated answer is the article a person would have sent.
    const sent = [...answered, ...toPerson].map(([q]) => [q, decide(q)] as const).filter(([, a]) => a !== null);
    expect(sent).toEqual(answered);
  });
});

describe('confidentAnswer', () => {
  const match = (articleId: string, score: number): KnowledgeMatch => ({
    articleId,
    version: 1,
    category: 'product',
    locale: 'en',
    title: articleId,
    body: '…',
    score,
  });
  const rule = { minConfidence: 0.6, minLead: 0.1 };

  test('sends the best article when it reaches the confidence and leads by the margin, exactly at both', () => {
    expect(confidentAnswer([match('a', 0.6), match('b', 0.5)], rule)?.articleId).toBe('a');
    expect(confidentAnswer([match('a', 0.7)], rule)?.articleId).toBe('a');
  });

  test('sends nothing below the confidence, within the margin, or with no match', () => {
    expect(confidentAnswer([match('a', 0.5999)], rule)).toBeNull();
    expect(confidentAnswer([match('a', 0.9), match('b', 0.8001)], rule)).toBeNull();
    expect(confidentAnswer([], rule)).toBeNull();
  });
});
