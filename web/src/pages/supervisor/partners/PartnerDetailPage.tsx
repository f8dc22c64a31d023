import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApi } from '../../../api/ApiProvider';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useI18n } from '../../../i18n/I18nProvider';
import { Page } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { formatDuration, formatInstant, formatShare } from '../format';
import { SupervisorOnly } from '../SupervisorOnly';
import { PartnerStanding } from './PartnerStanding';
import { ScrollRegion } from '../ScrollRegion';

type Scorecard = components['schemas']['PartnerScorecard'];
type Measure = { verdict: 'meets' | 'below' | 'too_few'; volume: number; count: number; share: number | null };

function MeasureRow({ name, measure, policy }: { name: string; measure: Measure; policy: string }) {
  const { t, locale } = useI18n();
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{t('partners.counted', { count: measure.count, volume: measure.volume })}</td>
      <td>{measure.share === null ? t('supervisor.notMeasured') : formatShare(measure.share, locale)}</td>
      <td>{policy}</td>
      <td>{t(`partners.verdict.${measure.verdict}`)}</td>
    </tr>
  );
}

function Measures({ card }: { card: Scorecard }) {
  const { t, locale } = useI18n();
  const { stepsOnTime, returnsHonoured, negativeRatings } = card.measures;
  const within = (ms: number) => formatDuration(ms, t, locale);
  const atLeast = (target: { minShare: number; minVolume: number }) =>
    t('partners.target.min', { share: formatShare(target.minShare, locale), volume: target.minVolume });
  return (
    <ScrollRegion label={t('partners.measure')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('partners.measure')}</th>
            <th scope="col">{t('dashboard.table.sample')}</th>
            <th scope="col">{t('partners.share')}</th>
            <th scope="col">{t('partners.target')}</th>
            <th scope="col">{t('partners.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {stepsOnTime && (
            <MeasureRow name={t('partners.measure.stepsOnTime', { within: within(stepsOnTime.target.withinMs) })} measure={stepsOnTime} policy={atLeast(stepsOnTime.target)} />
          )}
          {returnsHonoured && (
            <MeasureRow
              name={t('partners.measure.returnsHonoured', { within: within(returnsHonoured.target.withinMs) })}
              measure={returnsHonoured}
              policy={atLeast(returnsHonoured.target)}
            />
          )}
          <MeasureRow
            name={t('partners.measure.negativeRatings')}
            measure={negativeRatings}
            policy={t('partners.target.max', { share: formatShare(negativeRatings.target.maxShare, locale), volume: negativeRatings.target.minVolume })}
          />
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function AllTime({ card }: { card: NonNullable<Scorecard['supplierScorecard']> }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="all-time-title">
      <h2 id="all-time-title">{t('partners.allTime.title')}</h2>
      <dl className="facts">
        <dt>{t('partners.allTime.onTime')}</dt>
        <dd>{card.steps.onTime}</dd>
        <dt>{t('partners.allTime.late')}</dt>
        <dd>{card.steps.late}</dd>
        <dt>{t('partners.allTime.diagnosed')}</dt>
        <dd>{card.repairs.diagnosed}</dd>
        <dt>{t('partners.allTime.unrepairable')}</dt>
        <dd>{formatShare(card.repairs.unrepairableRate, locale)}</dd>
        <dt>{t('partners.allTime.negative')}</dt>
        <dd>{card.ratings.negative}</dd>
      </dl>
    </section>
  );
}

function Detail({ kind, id }: { kind: 'supplier' | 'brand'; id: string }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const card = useQuery({
    queryKey: ['partner', kind, id],
    queryFn: () => unwrap(api.GET('/v1/partners/{kind}/{id}', { params: { path: { kind, id } } })),
  });
  if (card.isPending) return <LoadingState />;
  if (card.isError) return <ErrorState error={card.error} onRetry={() => void card.refetch()} />;
  const c = card.data;
  return (
    <div className="stack">
      <p>
        {t(`partners.kind.${c.kind}`)} · <PartnerStanding partner={c} />
      </p>
      <p className="muted">{t('partners.intro', { version: c.policyVersion, from: formatInstant(c.window.from, locale), to: formatInstant(c.window.to, locale) })}</p>
      {c.reasons.length > 0 && (
        <section aria-labelledby="why-title">
          <h2 id="why-title">{t('partners.why')}</h2>
          <ul>
            {c.reasons.map((r) => (
              <li key={r.code}>{r.text[locale]}</li>
            ))}
          </ul>
        </section>
      )}
      <Measures card={c} />
      {c.supplierScorecard && <AllTime card={c.supplierScorecard} />}
    </div>
  );
}

/** One partner's scorecard (GET /v1/partners/{kind}/{id}). */
export function PartnerDetailPage() {
  const { t } = useI18n();
  const { kind = '', id = '' } = useParams();
  const title = t('partners.details', { id });
  return (
    <SupervisorOnly title={title}>
      <Page title={title} actions={<Link to="/console/partners">{t('partners.back')}</Link>}>
        {kind === 'supplier' || kind === 'brand' ? (
          <Detail kind={kind} id={id} />
        ) : (
          <EmptyState title={t('app.notFound.title')}>
            <p>{t('app.notFound.body')}</p>
          </EmptyState>
        )}
      </Page>
    </SupervisorOnly>
  );
}
