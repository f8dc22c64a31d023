import { useI18n } from '../../i18n/I18nProvider';
import { clockState, formatSpan } from './slaClock';
import { useNow } from './useNow';
import { useConsoleSettings } from './consoleSettings';

/**
 * One service-level clock as a live countdown: its name, the time left (or over), and its state in
 * words as well as colour, so the state does not rest on colour alone.
 */
export function SlaCountdown({ name, dueAt, startedAt }: { name?: string; dueAt: string; startedAt: string }) {
  const { t, locale } = useI18n();
  const now = useNow();
  // Before the settings arrive only a breach is certain; the warning share follows a moment later.
  const warnAt = useConsoleSettings().data?.slaWarnAt ?? 1;
  const state = clockState(now, dueAt, startedAt, warnAt);
  const left = Date.parse(dueAt) - now;
  const due = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(dueAt));
  return (
    <span className={`clock clock-${state}`} title={t('sla.due', { at: due })}>
      {name && <span className="clock-name">{name}</span>}
      <span className="clock-state">{t(`sla.${state}`)}</span>
      <time dateTime={dueAt} className="clock-time">
        {t(left > 0 ? 'sla.left' : 'sla.over', { time: formatSpan(left) })}
      </time>
    </span>
  );
}
