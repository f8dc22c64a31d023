import { complaintPolicy } from '../../workflows/complaints/policy';
import { classifyComplaint } from '../../workflows/complaints/classify';

/**
 * The shipped classification rules read what customers actually write, in Chinese as in English
 * (docs/policies.md, complaints): one text per row, the category, severity and priority it gets.
 */
const shipped = complaintPolicy.profiles.standard;

it.each([
  ['充电器起火了，桌子都烧黑了', 'safety', 'major_incident', 'urgent'],
  ['电视后面一直冒烟', 'safety', 'major_incident', 'urgent'],
  ['洗衣机漏电，手碰到有电', 'safety', 'major_incident', 'urgent'],
  ['Smoke came out of the charger', 'safety', 'major_incident', 'urgent'],
  ['同一个订单被重复扣款', 'billing', 'major', 'high'],
  ['退款一直没有到账', 'billing', 'major', 'high'],
  ['I was charged twice for one order', 'billing', 'major', 'high'],
  ['快递一个星期了还没到', 'delivery', 'normal', 'normal'],
  ['包裹显示签收但我没收到', 'delivery', 'normal', 'normal'],
  ['The parcel never arrived', 'delivery', 'normal', 'normal'],
  ['客服态度差', 'service', 'normal', 'normal'],
  ['用了两天就坏了', 'product_quality', 'major', 'high'],
  ['请问你们周末营业吗', 'general', 'minor', 'low'],
])('%s → %s', (text, category, severity, priority) => {
  expect(classifyComplaint(text, shipped)).toMatchObject({ category, severity, priority });
});
