import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/I18nProvider';
import { en } from '../../i18n/en';

/**
 * The service's codes (statuses, steps, channels) are shown as they are unless the catalogs have
 * words for one: staff search and talk by the same codes the API and the docs use.
 */
export function labelOf(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return key in en ? t(key as MessageKey) : code.replace(/_/g, ' ');
}

export function formatTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
