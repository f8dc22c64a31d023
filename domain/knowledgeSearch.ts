/**
 * How a question is matched to an article (docs/knowledge.md#how-search-works). Chinese has no
 * spaces, so words cannot be told apart: Chinese text is cut into single characters and pairs of
 * neighbouring characters, which a question and an article share even when they phrase it
 * differently (我的手机充不进电 and 手机无法充电 share 手机, 手, 机, 充, 电). Other words are cut
 * into letter trigrams, as PostgreSQL's pg_trgm does, so a misspelt word still shares most of them.
 */

const han = /\p{Script=Han}/u;
/** Characters and words that carry no subject: a question full of them is no closer to any article. */
const chineseFillers = new Set('的了吗呢吧啊呀我你他她是在有就都也和与请问么'.split(''));
const englishFillers = new Set(
  'a an the i my me we our you your it its is are was be to of in on at for and or do does did can how what when where why with this that have has'.split(' '),
);

/** A single Chinese character says less than a pair of them: it weighs half. */
const SINGLE_HAN_WEIGHT = 0.5;

export type Grams = Map<string, number>;

function normalise(text: string): string {
  // NFKC folds full-width letters and digits (ＴＶ) to ASCII; apostrophes go so won't meets wont.
  return text.normalize('NFKC').toLowerCase().replace(/['’]/g, '');
}

function addHanRun(run: string[], grams: Grams): void {
  run.forEach((char, i) => {
    grams.set(char, SINGLE_HAN_WEIGHT);
    if (i > 0) grams.set(run[i - 1] + char, 1);
  });
}

function addWord(word: string, grams: Grams): void {
  if (englishFillers.has(word)) return;
  const padded = `  ${word} `;
  for (let i = 0; i + 3 <= padded.length; i++) grams.set(padded.slice(i, i + 3), 1);
}

/** The distinct grams of a text with their weights. */
export function gramsOf(text: string): Grams {
  const grams: Grams = new Map();
  for (const token of normalise(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    let run: string[] = [];
    let word = '';
    for (const char of token) {
      if (han.test(char)) {
        if (word) addWord(word, grams);
        word = '';
        if (chineseFillers.has(char)) {
          addHanRun(run, grams);
          run = [];
        } else run.push(char);
      } else {
        addHanRun(run, grams);
        run = [];
        word += char;
      }
    }
    addHanRun(run, grams);
    if (word) addWord(word, grams);
  }
  return grams;
}

/** Articles change seldom and are searched on every inquiry: their grams are kept, up to this many texts. */
const ARTICLE_TEXTS_KEPT = 2_000;
const articleGrams = new Map<string, Grams>();

/** gramsOf for an article's title or body, remembered; the text itself is the key, so an edit is a new entry. */
function gramsOfArticle(text: string): Grams {
  let grams = articleGrams.get(text);
  if (!grams) {
    if (articleGrams.size >= ARTICLE_TEXTS_KEPT) articleGrams.clear();
    grams = gramsOf(text);
    articleGrams.set(text, grams);
  }
  return grams;
}

function weight(grams: Grams): number {
  let sum = 0;
  for (const w of grams.values()) sum += w;
  return sum;
}

/** A gram of the question found only in the body counts for this much of one found in the title. */
export const BODY_MATCH = 0.75;
/** The share of the confidence that is the question's coverage; the rest is the title's. */
export const QUESTION_SHARE = 0.8;

/**
 * How sure the knowledge base is that an article answers a question, in 0..1:
 *
 *   confidence = 0.8 · question coverage + 0.2 · title coverage
 *
 * question coverage: the weighted share of the question's grams the article has, a gram in the
 * title counting 1 and one only in the body 0.75; title coverage: the weighted share of the
 * title's grams the question has. The first says how much of what the customer wrote the
 * article is about; the second tells a specific article from a general one that merely mentions
 * the same words. A question that is an article's title scores 1.
 */
export function confidence(question: Grams, article: { title: string; body: string }): number {
  const total = weight(question);
  if (total === 0) return 0;
  const title = gramsOfArticle(article.title);
  const body = gramsOfArticle(article.body);
  let covered = 0;
  for (const [gram, w] of question) covered += w * (title.has(gram) ? 1 : body.has(gram) ? BODY_MATCH : 0);
  let titleCovered = 0;
  for (const [gram, w] of title) if (question.has(gram)) titleCovered += w;
  const titleTotal = weight(title);
  const titleCoverage = titleTotal === 0 ? 0 : titleCovered / titleTotal;
  return QUESTION_SHARE * (covered / total) + (1 - QUESTION_SHARE) * titleCoverage;
}

/** Four decimals: enough to compare with a threshold, and the same on every call. */
export function roundedScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

interface Searchable {
  id: string;
  translations: ({ locale: string } & { title: string; body: string })[];
}

export interface RankedArticle<A extends Searchable> {
  article: A;
  /** The translation to show: the locale asked for when the article has it, else the best match. */
  translation: A['translations'][number];
  /** Null when listing without a question. */
  score: number | null;
}

/**
 * Ranks articles for a question, best first (ties by id, so the order is stable). An article is
 * matched in every language it is written in and scores its best translation; a question in
 * English finds a Chinese customer the article in Chinese when it has one.
 */
export function rankArticles<A extends Searchable>(
  articles: A[],
  request: { question?: string; locale?: string; limit: number },
): RankedArticle<A>[] {
  const question = request.question === undefined ? undefined : gramsOf(request.question);
  const ranked = articles.map((article) => {
    const scored = article.translations.map((t) => ({ t, score: question ? confidence(question, t) : null }));
    const best = scored.reduce((a, b) => ((b.score ?? 0) > (a.score ?? 0) ? b : a));
    const wanted = article.translations.find((t) => t.locale === request.locale);
    return { article, translation: wanted ?? best.t, score: best.score };
  });
  return ranked
    .filter((r) => r.score === null || r.score > 0)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.article.id.localeCompare(b.article.id))
    .slice(0, request.limit);
}
