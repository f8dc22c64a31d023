import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { Page } from '../ui/Page';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFound.title')}>
      <p>{t('app.notFound.body')}</p>
      <p>
        <Link to="/">{t('app.notFound.home')}</Link>
      </p>
    </Page>
  );
}
