import { useI18n } from '../../../i18n/I18nProvider';
import { groupLabel, type GroupingChoice, kpiEntries, kpiLabel, type KpiReport, targetOf, valueOf, verdictOf } from './kpis';
import { ScrollRegion } from '../ScrollRegion';

/** Every figure of the period, per group, against its target: met or missed in words. */
export function KpiTable({ report, groupBy }: { report: KpiReport; groupBy: GroupingChoice }) {
  const { t, locale } = useI18n();
  const grouped = groupBy !== 'none';
  return (
    <section aria-labelledby="kpi-table-title">
      <h2 id="kpi-table-title">{t('dashboard.table.title')}</h2>
      <ScrollRegion label={t('dashboard.table.title')}>
        <table>
          <thead>
            <tr>
              {grouped && <th scope="col">{t('dashboard.table.group')}</th>}
              <th scope="col">{t('dashboard.table.kpi')}</th>
              <th scope="col">{t('dashboard.table.value')}</th>
              <th scope="col">{t('dashboard.table.target')}</th>
              <th scope="col">{t('dashboard.table.verdict')}</th>
              <th scope="col">{t('dashboard.table.sample')}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.flatMap((group) =>
              kpiEntries(group.kpis).map(({ id, kpi }) => (
                <tr key={`${group.key}:${id}`}>
                  {grouped && <td>{groupLabel(group.key, groupBy, t)}</td>}
                  <th scope="row">{kpiLabel(id, t)}</th>
                  <td>{valueOf(kpi, t, locale)}</td>
                  <td>{targetOf(kpi, t, locale)}</td>
                  <td className={kpi.met === null ? 'verdict' : kpi.met ? 'verdict verdict-met' : 'verdict verdict-missed'}>{verdictOf(kpi, t)}</td>
                  <td>{kpi.sample}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="muted">{t('dashboard.policy', { version: report.policyVersion })}</p>
    </section>
  );
}
