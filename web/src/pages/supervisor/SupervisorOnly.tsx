import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { Page } from '../../ui/Page';
import './supervisor.css';

/**
 * The supervisor's figures inside the console every staff member shares: an agent who opens one
 * is told, politely, that it is not theirs, instead of meeting the API's 403.
 */
export function SupervisorOnly({ title, children }: { title: string; children: ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  if (session && (session.role === 'supervisor' || session.role === 'admin')) return <div className="supervisor">{children}</div>;
  return (
    <Page title={title}>
      <section className="state state-empty" aria-label={t('app.forbidden.title')}>
        <h2>{t('app.forbidden.title')}</h2>
        <p>{t('supervisor.only.body', { role: t(`role.${session?.role ?? 'agent'}`) })}</p>
        <p>
          <Link to="/console">{t('nav.myWork')}</Link>
        </p>
      </section>
    </Page>
  );
}
