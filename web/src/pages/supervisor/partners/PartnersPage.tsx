import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiProvider';
import { unwrap } from '../../../api/problem';
import { useI18n } from '../../../i18n/I18nProvider';
import { Page } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { formatInstant } from '../format';
import { SupervisorOnly } from '../SupervisorOnly';
import { PartnerStanding } from './PartnerStanding';
import { ScrollRegion } from '../ScrollRegion';

/** Every repair supplier and brand against the partner policy (GET /v1/partners), flagged ones first. */
function Partners() {
  const api = useApi();
  const { t, locale } = useI18n();
  const list = useQuery({ queryKey: ['partners'], queryFn: () => unwrap(api.GET('/v1/partners')) });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { policyVersion, window, partners } = list.data;
  return (
    <>
      <p>{t('partners.intro', { version: policyVersion, from: formatInstant(window.from, locale), to: formatInstant(window.to, locale) })}</p>
      {partners.length === 0 ? (
        <EmptyState title={t('partners.empty.title')}>
          <p>{t('partners.empty.body')}</p>
        </EmptyState>
      ) : (
        <ScrollRegion label={t('partners.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('partners.partner')}</th>
                <th scope="col">{t('partners.kind')}</th>
                <th scope="col">{t('partners.standing')}</th>
                <th scope="col">{t('partners.why')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={`${p.kind}:${p.id}`}>
                  <th scope="row">
                    <Link to={`/console/partners/${p.kind}/${encodeURIComponent(p.id)}`}>{p.id}</Link>
                  </th>
                  <td>{t(`partners.kind.${p.kind}`)}</td>
                  <td>
                    <PartnerStanding partner={p} />
                  </td>
                  <td>
                    {p.reasons.length > 0 ? (
                      <ul className="plain">
                        {p.reasons.map((r) => (
                          <li key={r.code}>{r.text[locale]}</li>
                        ))}
                      </ul>
                    ) : (
                      t('processes.table.none')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

export function PartnersPage() {
  const { t } = useI18n();
  return (
    <SupervisorOnly title={t('partners.title')}>
      <Page title={t('partners.title')}>
        <Partners />
      </Page>
    </SupervisorOnly>
  );
}
