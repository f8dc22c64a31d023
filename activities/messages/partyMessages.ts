import { feedbackReasons } from '../../domain/feedback';
import type { Language, PartyTemplate } from '../types';
import type { MessageWording } from './render';
import {
  caseTypeWords,
  clockWords,
  complaintCategoryWords,
  partnerKindWords,
  reasonIn,
  severityWords,
  supplierStepWords,
  wordOrCode,
} from './words';

/**
 * What staff read for each message to a supplier's desk, an operations role or an agent
 * (activities/types.ts `PartyTemplate`). The gateway addresses these by id and knows no reader's
 * language, so each goes out in English and Chinese, one after the other, with dates in the
 * service's own zone. A code without a word reads as the code: staff know them. The case id is
 * the sender's, added to the workflow's data.
 */

/** The subject of a message whose own could not be written. */
export const partyFrame: Record<Language, { subject: string }> = {
  en: { subject: 'A message from after-sales service' },
  'zh-CN': { subject: '售后服务通知' },
};

const clock = (data: Record<string, unknown>, language: Language) => ({ clock: wordOrCode(clockWords, data.clock, language) });

const supplierStep = (data: Record<string, unknown>, language: Language, dueAt: string | undefined) => ({
  step: wordOrCode(supplierStepWords, data.awaiting, language),
  dueAt,
  awaiting: undefined,
});

const complaint = (data: Record<string, unknown>, language: Language) => ({
  category: wordOrCode(complaintCategoryWords, data.category, language),
  severity: wordOrCode(severityWords, data.severity, language),
});

/** The feedback reasons as the survey offered them, in the reader's language. */
function feedbackReasonsIn(value: unknown, language: Language): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is string => typeof r === 'string').map((r) => (Object.hasOwn(feedbackReasons, r) ? feedbackReasons[r as keyof typeof feedbackReasons][language] : r));
}

const bullets = (lines: string[]) => (lines.length === 0 ? undefined : lines.map((line) => `- ${line}`).join('\n'));

/** A partner flag's reasons carry their own sentence in both languages (domain/partnerReasons.ts). */
function partnerReasonsIn(value: unknown, language: Language): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const lines = value.flatMap((r: { text?: Partial<Record<Language, unknown>>; code?: unknown }) => {
    const text = r?.text?.[language] ?? r?.code;
    return typeof text === 'string' && text !== '' ? [text] : [];
  });
  return bullets(lines);
}

export const partyMessages = {
  supplier_step_reminder: {
    values: (data, f) => supplierStep(data, f.language, f.dateTime(data.dueAt)),
    en: {
      subject: ['Reminder: {step} due for case {caseId}', 'Reminder: a repair step is due'],
      body: [
        'The repair order of case {caseId} is waiting for {step} from {supplierId}.',
        ['It is due by {dueAt}.', ''],
        'Please report the step as soon as it is done.',
      ],
    },
    'zh-CN': {
      subject: ['提醒：工单 {caseId} 的{step}即将到期', '提醒：维修步骤即将到期'],
      body: ['工单 {caseId} 的维修订单正在等待 {supplierId} 完成{step}。', ['截止时间：{dueAt}。', ''], '完成后请尽快回报该步骤。'],
    },
  },

  supplier_step_breached: {
    values: (data, f) => supplierStep(data, f.language, f.dateTime(data.dueAt)),
    en: {
      subject: ['Overdue: {step} for case {caseId}', 'Overdue: a repair step'],
      body: [
        ['{supplierId} has not reported {step} for case {caseId}, which was due by {dueAt}.', '{supplierId} has not reported {step} for case {caseId} in time.'],
        'Please report it as soon as possible, or tell the case’s team what is holding it up.',
      ],
    },
    'zh-CN': {
      subject: ['已超时：工单 {caseId} 的{step}', '已超时：维修步骤'],
      body: [
        ['{supplierId} 未在{dueAt}前回报工单 {caseId} 的{step}。', '{supplierId} 未按时回报工单 {caseId} 的{step}。'],
        '请尽快回报，或告知工单负责团队延误的原因。',
      ],
    },
  },

  escalation_raised: {
    values: (data, f) => ({ reason: reasonIn(data.reason, f.language) }),
    en: {
      subject: 'Escalated to {level}: case {caseId}',
      body: ['Case {caseId} has been escalated to {level}.', ['Reason: {reason}', ''], 'Please acknowledge the escalation on the case; unacknowledged, it goes up to the next level.'],
    },
    'zh-CN': {
      subject: '工单升级至{level}：{caseId}',
      body: ['工单 {caseId} 已升级至{level}。', ['原因：{reason}', ''], '请在工单中确认此次升级；未及时确认的升级将转至上一级。'],
    },
  },

  major_incident: {
    values: (data, f) => ({ reason: reasonIn(data.reason, f.language) }),
    en: {
      subject: 'Major incident: case {caseId}',
      body: ['Case {caseId} is a major incident and has been escalated straight to {level}.', ['Reason: {reason}', ''], 'Please take it up at once.'],
    },
    'zh-CN': {
      subject: '重大事件：工单 {caseId}',
      body: ['工单 {caseId} 被判定为重大事件，已直接升级至{level}。', ['原因：{reason}', ''], '请立即处理。'],
    },
  },

  sla_warning: {
    values: (data, f) => clock(data, f.language),
    en: {
      subject: 'SLA warning: case {caseId}, {clock}',
      body: ['Case {caseId} has used most of its {clock} target. Please act on it before the target is missed.'],
    },
    'zh-CN': {
      subject: 'SLA 预警：工单 {caseId}（{clock}）',
      body: ['工单 {caseId} 的{clock}时限即将用完，请在超时前处理。'],
    },
  },

  sla_breached: {
    values: (data, f) => clock(data, f.language),
    en: {
      subject: 'SLA breached: case {caseId}, {clock}',
      body: ['Case {caseId} has missed its {clock} target. Please take it up now.'],
    },
    'zh-CN': {
      subject: 'SLA 已超时：工单 {caseId}（{clock}）',
      body: ['工单 {caseId} 已超出{clock}时限，请立即处理。'],
    },
  },

  complaint_assigned: {
    values: (data, f) => complaint(data, f.language),
    en: {
      subject: 'A complaint for you: case {caseId}',
      body: ['Case {caseId}, a complaint about {category} (severity: {severity}), has been assigned to you.', 'Please take it up and acknowledge it to the customer.'],
    },
    'zh-CN': {
      subject: '新投诉已分配给您：工单 {caseId}',
      body: ['投诉工单 {caseId}（{category}，严重程度：{severity}）已分配给您。', '请尽快受理并回复客户。'],
    },
  },

  advisor_customer_complaint: {
    values: (data, f) => complaint(data, f.language),
    en: {
      subject: 'Your customer has a complaint: case {caseId}',
      body: [
        'A customer you advise has made a complaint about {category} (severity: {severity}), case {caseId}.',
        [
          'You had no room for another case, so {assignee} has it.',
          'You had no room for another case, and no other agent was free: it waits in the queue.',
        ],
      ],
    },
    'zh-CN': {
      subject: '您服务的客户提交了投诉：工单 {caseId}',
      body: [
        '您服务的客户提交了一项关于{category}的投诉（严重程度：{severity}），工单号 {caseId}。',
        ['由于您当前的工单已满，该投诉已分配给 {assignee}。', '由于您当前的工单已满，且暂无其他空闲客服，该投诉正在队列中等待分配。'],
      ],
    },
  },

  feedback_low_rating: {
    values: (data, f) => ({
      caseType: wordOrCode(caseTypeWords, data.caseType, f.language),
      reasons: bullets(feedbackReasonsIn(data.reasons, f.language)),
      dueAt: f.dateTime(data.dueAt),
    }),
    en: {
      subject: 'Low rating to follow up: case {caseId}',
      body: [
        'The customer rated case {caseId} ({caseType}) {csat} of 5, and would recommend us {nps} of 10.',
        ['Reasons:\n{reasons}', ''],
        'Please follow up with the customer by {dueAt}.',
      ],
    },
    'zh-CN': {
      subject: '低评分待回访：工单 {caseId}',
      body: ['客户对工单 {caseId}（{caseType}）的满意度评分为 {csat}/5，推荐意愿为 {nps}/10。', ['原因：\n{reasons}', ''], '请在{dueAt}前回访客户。'],
    },
  },

  partner_flagged: {
    values: (data, f) => ({
      kind: wordOrCode(partnerKindWords, data.kind, f.language),
      flagDay: f.date(data.flagDay),
      reasons: partnerReasonsIn(data.reasons, f.language),
    }),
    en: {
      subject: 'Partner below the partner policy: {kind} {id}',
      body: ['{kind} {id} fell below the partner policy in the review of {flagDay}:', '{reasons}', 'Scorecard: {scorecard}'],
    },
    'zh-CN': {
      subject: '合作伙伴未达标：{kind} {id}',
      body: ['{kind} {id} 在{flagDay}的评估中未达到合作伙伴政策要求：', '{reasons}', '评分卡：{scorecard}'],
    },
  },
} satisfies Record<PartyTemplate, MessageWording>;
