import type { components } from '../../../api/schema';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatInstant } from '../format';

type Check = components['schemas']['ProcessCheck'];

/** The automatic check made when the case was drawn: each part ok, or what went wrong. */
export function ProcessCheckView({ check }: { check: Check }) {
  const { t, locale } = useI18n();
  const breach = (b: { type: string; clock: string | null; at: string }) =>
    t('quality.check.breach', { type: b.type, clock: b.clock ?? '—', at: formatInstant(b.at, locale) });
  const parts = [
    { name: t('quality.check.deadlines'), ok: check.deadlines.ok, issues: check.deadlines.breaches.map(breach) },
    { name: t('quality.check.escalations'), ok: check.escalations.ok, issues: check.escalations.unescalated.map(breach) },
    {
      name: t('quality.check.refunds'),
      ok: check.refunds.ok,
      issues: [t('quality.check.refundCount', { issued: check.refunds.issued, expected: check.refunds.expected })],
    },
    {
      name: t('quality.check.notices'),
      ok: check.notices.ok,
      issues: check.notices.missed.map((m) => t('quality.check.missed', { template: m.template, sent: m.sent, expected: m.expected })),
    },
  ];
  return (
    <div className="process-check">
      <h4>
        {t('quality.check.title')}: <span className={check.passed ? 'verdict-met' : 'verdict-missed'}>{t(check.passed ? 'quality.check.passed' : 'quality.check.failed')}</span>
      </h4>
      <ul className="plain">
        {parts.map((p) => (
          <li key={p.name}>
            {p.name}: {p.ok ? t('quality.check.ok') : <span className="verdict-missed">{p.issues.join('; ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
