import { seedArticles } from '../../db/knowledgeSeedArticles';
import { rankArticles } from '../../domain/knowledgeSearch';
import { repairPolicy } from '../../workflows/repairs/policy';
import { ProductCategory } from '../../workflows/repairs/vocabulary';

/**
 * The repair policy's troubleshooting threshold against the local stack's seeded articles
 * (docs/processes/repairs.md#troubleshooting-article): what customers write about a fault an
 * article is about finds that article, in either language; what no article is about stays below
 * the threshold and gets the policy's article. Ranked as the workflow's search ranks them, among
 * the articles of the product's category about its SKU or about none.
 */

function best(description: string, category: ProductCategory, sku: string) {
  const candidates = seedArticles
    .filter((a) => a.category === category && (a.skus.length === 0 || a.skus.includes(sku)))
    .map((a) => ({ ...a, translations: [...a.translations] }));
  const [top] = rankArticles(candidates, { question: description, limit: 1 });
  return top && { id: top.article.id, score: top.score! };
}

describe.each(Object.entries(repairPolicy.profiles))('the %s repair policy', (_profile, policy) => {
  const threshold = policy.troubleshootingMinConfidence!;

  it('has a threshold', () => {
    expect(threshold).toBeGreaterThan(0);
  });

  it.each([
    ['phone', 'PHONE-X', '我的手机充不进电', 'phone-not-charging'],
    ['phone', 'PHONE-LITE', 'my phone wont charge any more', 'phone-not-charging'],
    ['phone', 'PHONE-X', 'charges very slowly', 'phone-not-charging'],
    ['phone', 'PHONE-X', '手机老是自动重启', 'phone-restart-reset'],
    ['phone', 'PHONE-X', 'keeps restarting by itself', 'phone-restart-reset'],
    ['tv', 'TV-55', '电视黑屏有声音', 'tv-no-picture'],
    ['tv', 'TV-43', 'black screen but there is sound', 'tv-no-picture'],
    ['laptop', 'LAPTOP-14', '笔记本开不了机', 'laptop-wont-turn-on'],
    ['laptop', 'LAPTOP-15', "laptop won't turn on", 'laptop-wont-turn-on'],
    ['headphones', 'BUDS-2', '耳机连不上蓝牙', 'headphones-pairing'],
    ['headphones', 'HEADSET-PRO', 'bluetooth does not pair', 'headphones-pairing'],
    ['small_appliance', 'VACUUM-5', '吸尘器吸力变小了', 'vacuum-weak-suction'],
    ['small_appliance', 'VACUUM-5', 'the vacuum has weak suction', 'vacuum-weak-suction'],
  ] as const)('%s %s: "%s" finds %s', (category, sku, description, id) => {
    const top = best(description, category, sku);

    expect(top?.id).toBe(id);
    expect(top!.score).toBeGreaterThanOrEqual(threshold);
  });

  it.each([
    ['phone', 'PHONE-X', 'does not turn on'],
    ['phone', 'PHONE-X', 'it stopped working'],
    ['phone', 'PHONE-X', 'the screen stays black after it fell into the sink'],
    ['phone', 'PHONE-X', '屏幕摔碎了'],
    ['phone', 'PHONE-X', '电池掉电很快'],
    ['tv', 'TV-55', '电视开不了机'],
    ['laptop', 'LAPTOP-14', 'laptop overheats and the fan is loud'],
    ['small_appliance', 'BLENDER-2', 'smells of burning and stops after a few seconds'],
  ] as const)('%s %s: "%s", which no article is about, gets the policy article', (category, sku, description) => {
    expect(best(description, category, sku)?.score ?? 0).toBeLessThan(threshold);
  });

  it('has seeded articles in both languages for every category it troubleshoots', () => {
    const troubleshot = ProductCategory.options.filter((c) => !policy.onSiteCategories.includes(c));
    const uncovered = troubleshot.filter(
      (c) => !seedArticles.some((a) => a.category === c && ['zh-CN', 'en'].every((l) => a.translations.some((t) => t.locale === l))),
    );
    expect(uncovered).toEqual([]);
  });
});
