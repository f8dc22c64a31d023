import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** A page's heading (its one <h1>, also the tab's title) and its content. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </div>
  );
}
