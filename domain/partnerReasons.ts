import type { PartnerMeasures, ShareMeasure } from './partnerStanding';

/**
 * Why a partner is flagged, as operations read it in either language: a stable code per measure
 * and a sentence with the figures and the policy's line.
 */

export const partnerReasonCodes = {
  stepsOnTime: 'steps_late',
  returnsHonoured: 'returns_not_honoured',
  negativeRatings: 'negative_ratings',
} as const satisfies Record<keyof PartnerMeasures, string>;
export type PartnerReasonCode = (typeof partnerReasonCodes)[keyof PartnerMeasures];

export interface PartnerReason {
  code: PartnerReasonCode;
  text: { en: string; 'zh-CN': string };
}

/** 0.8999 → "89.9 %": one decimal, rounded down, so a share just under the line never reads as the line itself. */
const percent = (share: number) => `${(Math.floor(share * 1000 + 1e-9) / 10).toFixed(1).replace(/\.0$/, '')} %`;

const units = [
  { ms: 86_400_000, en: 'day', zh: '天' },
  { ms: 3_600_000, en: 'hour', zh: '小时' },
  { ms: 60_000, en: 'minute', zh: '分钟' },
  { ms: 1_000, en: 'second', zh: '秒' },
] as const;

/**
 * 604800000 → "7 days" / "7 天": the largest unit the duration is a whole number of, except that
 * under three days it reads in hours, as the policy's 48 h does.
 */
function duration(ms: number): { en: string; zh: string } {
  const unit = units.find((u) => ms % u.ms === 0 && (u.en !== 'day' || ms >= 3 * u.ms)) ?? units[3];
  const n = Math.round(ms / unit.ms);
  return { en: `${n} ${unit.en}${n === 1 ? '' : 's'}`, zh: `${n} ${unit.zh}` };
}

/** Steps and returns: a share of those within a time, against the least share the policy asks. */
function withinFigures(m: ShareMeasure & { target: { withinMs: number; minShare: number } }) {
  return { pct: percent(m.share ?? 0), count: m.count, volume: m.volume, within: duration(m.target.withinMs), line: percent(m.target.minShare) };
}

function sentence(name: keyof PartnerMeasures, measures: PartnerMeasures): PartnerReason['text'] {
  switch (name) {
    case 'stepsOnTime': {
      const { pct, count, volume, within, line } = withinFigures(measures.stepsOnTime!);
      return {
        en: `${pct} of supplier steps came within ${within.en} of the request (${count} of ${volume}); the policy asks at least ${line}`,
        'zh-CN': `在请求后 ${within.zh}内完成的供应商步骤仅占 ${pct}（${volume} 个中 ${count} 个），政策要求至少 ${line}`,
      };
    }
    case 'returnsHonoured': {
      const { pct, count, volume, within, line } = withinFigures(measures.returnsHonoured!);
      return {
        en:
          `${pct} of returns of its products were refunded within ${within.en} of reaching the warehouse ` +
          `(${count} of ${volume}); the policy asks at least ${line}`,
        'zh-CN': `其产品的退货在到达仓库后 ${within.zh}内退款的仅占 ${pct}（${volume} 件中 ${count} 件），政策要求至少 ${line}`,
      };
    }
    case 'negativeRatings': {
      const { share, count, volume, target } = measures.negativeRatings;
      const [pct, line] = [percent(share ?? 0), percent(target.maxShare)];
      return {
        en: `${pct} of its rated cases had a low rating put on it (${count} of ${volume}); the policy allows at most ${line}`,
        'zh-CN': `其被评价的案件中有 ${pct} 的差评归因于它（${volume} 个中 ${count} 个），政策最多允许 ${line}`,
      };
    }
  }
}

/** The reason a measure below the policy gives, with its figures. */
export function reasonFor(name: keyof PartnerMeasures, measures: PartnerMeasures): PartnerReason {
  return { code: partnerReasonCodes[name], text: sentence(name, measures) };
}
