import { suggestionPolicy } from '../../workflows/suggestions/policy';
import { routeSuggestion } from '../../workflows/suggestions/route';

/** The shipped rules read with the texts customers write, Chinese (no spaces) and English. */
const policy = suggestionPolicy.profiles.standard;

it.each([
  ['希望快递能更快一点', 'delivery', 'operations'],
  ['包装太多塑料了，建议用纸箱', 'delivery', 'operations'],
  ['Please use less packaging for the kettle', 'delivery', 'operations'],
  ['门店周日的营业时间可以再长一点吗', 'service', 'operations'],
  ['The hotline should open at 8', 'service', 'operations'],
  ['这款外套能不能出更多颜色', 'product', 'product'],
  ['Could the phone get a bigger battery?', 'product', 'product'],
  ['你们做得很好', 'general', 'product'],
  ['Keep up the good work', 'general', 'product'],
])('routes "%s" to %s in the %s queue', (text, topic, queue) => {
  expect(routeSuggestion(text, policy)).toEqual({ topic, queue });
});

it('lets delivery win over a product word in the same suggestion, as the rules are ordered', () => {
  expect(routeSuggestion('希望这款颜色的外套配送更快', policy)).toEqual({ topic: 'delivery', queue: 'operations' });
});
