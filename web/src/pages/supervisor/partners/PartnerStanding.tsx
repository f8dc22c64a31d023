import type { components } from '../../../api/schema';
import { useI18n } from '../../../i18n/I18nProvider';

/** Flagged (and since when) or in good standing, in words and not by colour alone. */
export function PartnerStanding({ partner }: { partner: Pick<components['schemas']['PartnerStanding'], 'flagged' | 'flaggedSince'> }) {
  const { t } = useI18n();
  if (!partner.flagged) return <span className="badge badge-ok">{t('partners.ok')}</span>;
  return (
    <span className="badge badge-flagged">
      {partner.flaggedSince ? t('partners.flaggedSince', { day: partner.flaggedSince }) : t('partners.flagged')}
    </span>
  );
}
