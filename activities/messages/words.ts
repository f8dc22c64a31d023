import type { Language } from '../types';

/**
 * The codes workflows send in a message's data, as words a reader of each language uses. A code
 * not listed here has no word: a customer's sentence that needs it is written without it (a new
 * complaint category reads "your complaint"), while staff read the code itself.
 */

export type Words = Record<string, Record<Language, string>>;

/** What the case is, as the customer calls what they asked for. */
export const caseTypeWords: Words = {
  return: { en: 'return', 'zh-CN': '退货申请' },
  exchange: { en: 'exchange', 'zh-CN': '换货申请' },
  repair: { en: 'repair', 'zh-CN': '维修申请' },
  complaint: { en: 'complaint', 'zh-CN': '投诉' },
  suggestion: { en: 'suggestion', 'zh-CN': '建议' },
  inquiry: { en: 'question', 'zh-CN': '咨询' },
  installation: { en: 'installation', 'zh-CN': '安装服务' },
};

/** A new case opened for the customer (an inquiry converted), as they would name it. */
export const newCaseWords: Words = {
  return: { en: 'return request', 'zh-CN': '退货申请' },
  exchange: { en: 'exchange request', 'zh-CN': '换货申请' },
  repair: { en: 'repair request', 'zh-CN': '维修申请' },
  complaint: { en: 'complaint', 'zh-CN': '投诉单' },
  installation: { en: 'installation booking', 'zh-CN': '安装预约' },
};

/** The complaint policy's categories (workflows/complaints/policy.ts); `general` has no word on purpose. */
export const complaintCategoryWords: Words = {
  safety: { en: 'product safety', 'zh-CN': '产品安全问题' },
  billing: { en: 'billing and payment', 'zh-CN': '账单与付款问题' },
  delivery: { en: 'delivery', 'zh-CN': '配送问题' },
  service: { en: 'our service', 'zh-CN': '服务问题' },
  product_quality: { en: 'product quality', 'zh-CN': '产品质量问题' },
};

export const severityWords: Words = {
  minor: { en: 'minor', 'zh-CN': '轻微' },
  normal: { en: 'normal', 'zh-CN': '一般' },
  major: { en: 'major', 'zh-CN': '严重' },
  major_incident: { en: 'major incident', 'zh-CN': '重大事件' },
};

/** The suggestion policy's topics (workflows/suggestions/policy.ts); `general` has no word on purpose. */
export const suggestionTopicWords: Words = {
  delivery: { en: 'delivery', 'zh-CN': '配送' },
  service: { en: 'our service', 'zh-CN': '服务' },
  product: { en: 'our products', 'zh-CN': '产品' },
};

/** What a defect found at unboxing may be remedied by. */
export const remedyWords: Words = {
  return: { en: 'a return', 'zh-CN': '退货' },
  exchange: { en: 'an exchange', 'zh-CN': '换货' },
  repair: { en: 'a repair', 'zh-CN': '维修' },
};

/** The clocks of the SLA, suggestion and installation policies. */
export const clockWords: Words = {
  first_response: { en: 'first response', 'zh-CN': '首次响应' },
  solution: { en: 'solution', 'zh-CN': '解决' },
  verification: { en: 'verification', 'zh-CN': '核实' },
  review: { en: 'review', 'zh-CN': '审核' },
  acknowledgement: { en: 'acknowledgement', 'zh-CN': '受理确认' },
  answer: { en: 'answer', 'zh-CN': '答复' },
  visit_report: { en: 'visit report', 'zh-CN': '上门报告' },
  remedy: { en: 'remedy', 'zh-CN': '后续处理' },
};

/** A repair supplier's steps (workflows/repairs/supplierDesk.ts labels). */
export const supplierStepWords: Words = {
  received: { en: 'receipt of the product', 'zh-CN': '签收产品' },
  diagnosed: { en: 'the diagnosis', 'zh-CN': '故障检测' },
  repair: { en: 'the repair', 'zh-CN': '维修' },
  shipped_back: { en: 'shipping the product back', 'zh-CN': '寄回产品' },
  visit_completed: { en: 'the visit report', 'zh-CN': '上门服务报告' },
};

export const partnerKindWords: Words = {
  supplier: { en: 'Repair supplier', 'zh-CN': '维修服务商' },
  brand: { en: 'Brand', 'zh-CN': '品牌' },
};

/** The word for a code, if there is one. */
export function wordFor(words: Words, code: unknown, language: Language): string | undefined {
  return typeof code === 'string' && Object.hasOwn(words, code) ? words[code]![language] : undefined;
}

/** Staff read the code itself where it has no word. */
export function wordOrCode(words: Words, code: unknown, language: Language): string | undefined {
  return wordFor(words, code, language) ?? (typeof code === 'string' && code !== '' ? code : undefined);
}

/**
 * Reasons workflows write themselves, in English (a refusal, an inspection, a missed ship-by date,
 * an escalation's cause), put in the reader's language; any other reason is someone's own words (a
 * reviewer's note, the customer's reason for cancelling) and is shown as they wrote it.
 */
const conditionWords: Words = {
  unopened: { en: 'unopened', 'zh-CN': '未拆封' },
  opened: { en: 'opened', 'zh-CN': '已拆封' },
  defective: { en: 'defective', 'zh-CN': '有缺陷' },
  damaged: { en: 'damaged', 'zh-CN': '已损坏' },
};

const knownReasons: { pattern: RegExp; text: (m: RegExpMatchArray, language: Language) => string | undefined }[] = [
  {
    pattern: /^the parcel was not handed to the carrier in time$/,
    text: (_, l) => (l === 'zh-CN' ? '包裹未在规定时间内交给快递员' : 'the parcel was not handed to the carrier in time'),
  },
  {
    pattern: /^the returned item failed inspection$/,
    text: (_, l) => (l === 'zh-CN' ? '退回的商品未通过质检' : 'the returned item did not pass our inspection'),
  },
  {
    pattern: /^the \w+ return window of (\d+) days has passed$/,
    text: (m, l) => (l === 'zh-CN' ? `已超过 ${m[1]} 天的退货期限` : `the return period of ${m[1]} days has passed`),
  },
  {
    pattern: /^items in condition "(\w+)" cannot be returned$/,
    text: (m, l) => {
      const condition = wordFor(conditionWords, m[1], l);
      if (!condition) return undefined;
      return l === 'zh-CN' ? `${condition}的商品不在退货范围内` : `items that are ${condition} cannot be returned`;
    },
  },
  {
    pattern: /^major incident$/,
    text: (_, l) => (l === 'zh-CN' ? '重大事件' : 'a major incident'),
  },
  {
    pattern: /^supplier (\S+) late: (\w+)$/,
    text: (m, l) => {
      const step = wordOrCode(supplierStepWords, m[2], l);
      return l === 'zh-CN' ? `维修服务商 ${m[1]} 未按时完成${step}` : `supplier ${m[1]} is late with ${step}`;
    },
  },
  {
    pattern: /^escalated by \w+ (\S+)$/,
    text: (m, l) => (l === 'zh-CN' ? `由 ${m[1]} 手动升级` : `escalated by ${m[1]}`),
  },
  {
    pattern: /^(\w+) target missed$/,
    text: (m, l) => {
      const clock = wordOrCode(clockWords, m[1], l);
      return l === 'zh-CN' ? `${clock}时限已超时` : `the ${clock} target was missed`;
    },
  },
];

export function reasonIn(reason: unknown, language: Language): string | undefined {
  if (typeof reason !== 'string' || reason.trim() === '') return undefined;
  const text = reason.trim();
  for (const known of knownReasons) {
    const match = text.match(known.pattern);
    if (match) return known.text(match, language) ?? text;
  }
  return text;
}
