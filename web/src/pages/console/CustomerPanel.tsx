import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { unwrap } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../ui/States';

/** The customer at a glance (GET /v1/customers/{id}); contact as the API gives it, masked for agents. */
export function CustomerPanel({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const customer = useQuery({
    queryKey: ['customer', customerId],
    queryFn: () => unwrap(api.GET('/v1/customers/{id}', { params: { path: { id: customerId } } })),
  });
  const none = t('customer.none');
  return (
    <section className="panel" aria-labelledby="case-customer">
      <h2 id="case-customer">{t('customer.title')}</h2>
      {customer.isPending ? (
        <LoadingState />
      ) : customer.isError ? (
        <ErrorState error={customer.error} title={t('customer.error')} onRetry={() => void customer.refetch()} />
      ) : (
        <dl className="facts">
          <dt>{t('customer.name')}</dt>
          <dd>
            {customer.data.name} <span className="muted code">{customer.data.id}</span>
          </dd>
          <dt>{t('customer.segment')}</dt>
          <dd>{customer.data.segment ?? none}</dd>
          <dt>{t('customer.language')}</dt>
          <dd>{customer.data.language}</dd>
          <dt>{t('customer.contact')}</dt>
          <dd>{[customer.data.contact.email, customer.data.contact.phone].filter(Boolean).join(' · ') || none}</dd>
          <dt>{t('customer.advisor')}</dt>
          <dd>{customer.data.advisorId ?? none}</dd>
          <dt>{t('customer.tags')}</dt>
          <dd>{customer.data.tags?.join(', ') || none}</dd>
          <dt>{t('customer.cases')}</dt>
          <dd>{customer.data.cases.length}</dd>
          <dt>{t('customer.ratings')}</dt>
          <dd>{customer.data.ratings.map((r) => `${r.score}/5`).join(', ') || none}</dd>
        </dl>
      )}
    </section>
  );
}
