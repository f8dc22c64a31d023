import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { Page } from '../ui/Page';
import { EmptyState } from '../ui/States';

/** The sections whose pages are still to be built: each has a title and an empty state in the catalogs. */
type Section = MessageKey extends infer K ? (K extends `${infer S}.empty.title` ? S : never) : never;

/** Stands in for a page not built yet (issue 13): its title and its empty state, in both languages. */
export function PlaceholderPage({ section, values }: { section: Section; values?: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <Page title={t(`${section}.title` as MessageKey, values)}>
      <EmptyState title={t(`${section}.empty.title` as MessageKey)}>
        <p>{t(`${section}.empty.body` as MessageKey)}</p>
      </EmptyState>
    </Page>
  );
}
