import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Api } from '../../api/client';
import { ApiProblem, unwrap } from '../../api/problem';
import { useApi } from '../../api/ApiProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { actionsNow, type CaseRecord, type CustomerAction, needsConfirmation } from './caseStory';

/** Each action's typed call; every one of them takes an empty body from the customer. */
function take(api: Api, action: CustomerAction, id: string) {
  const path = { params: { path: { id } }, body: {} };
  switch (action) {
    case 'cancel':
      return unwrap(api.POST('/v1/cases/{id}/actions/cancel', path));
    case 'approve-quote':
      return unwrap(api.POST('/v1/cases/{id}/actions/approve-quote', path));
    case 'decline-quote':
      return unwrap(api.POST('/v1/cases/{id}/actions/decline-quote', path));
    case 'helped':
      return unwrap(api.POST('/v1/cases/{id}/actions/helped', path));
    case 'not_helped':
      return unwrap(api.POST('/v1/cases/{id}/actions/not_helped', path));
    case 'reschedule':
      return unwrap(api.POST('/v1/cases/{id}/actions/reschedule', path));
    case 'fixed':
      return unwrap(api.POST('/v1/cases/{id}/actions/fixed', path));
    case 'not_fixed':
      return unwrap(api.POST('/v1/cases/{id}/actions/not_fixed', path));
    case 'confirm':
      return unwrap(api.POST('/v1/cases/{id}/actions/confirm', path));
    case 'reopen':
      return unwrap(api.POST('/v1/cases/{id}/actions/reopen', path));
  }
}

/** The buttons for what the customer may do now; one that cannot be taken back asks once more. */
export function CustomerActions({ record }: { record: CaseRecord }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<CustomerAction | null>(null);
  const mutation = useMutation({
    mutationFn: (action: CustomerAction) => take(api, action, record.id),
    onSettled: () => {
      setConfirming(null);
      return queryClient.invalidateQueries({ queryKey: ['track', record.id] });
    },
  });
  const actions = actionsNow(record);
  if (actions.length === 0) return null;
  return (
    <section className="track-card" aria-labelledby="track-actions">
      <h2 id="track-actions">{t('track.actions')}</h2>
      {confirming ? (
        <div className="track-confirm" role="group" aria-label={t(`track.action.${confirming}`)}>
          <p>{t(confirming === 'cancel' ? 'track.action.cancel.help' : 'track.action.decline-quote.help')}</p>
          <div className="track-buttons">
            <button type="button" className="danger" disabled={mutation.isPending} onClick={() => mutation.mutate(confirming)}>
              {t(confirming === 'cancel' ? 'track.action.cancel.confirm' : 'track.action.decline-quote.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t('track.action.keep')}
            </button>
          </div>
        </div>
      ) : (
        <div className="track-buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={needsConfirmation.has(action) ? 'secondary' : undefined}
              disabled={mutation.isPending}
              onClick={() => (needsConfirmation.has(action) ? setConfirming(action) : mutation.mutate(action))}
            >
              {t(`track.action.${action}`)}
            </button>
          ))}
        </div>
      )}
      <p role="status" className="muted">
        {mutation.isSuccess && t('track.action.done')}
        {mutation.isError &&
          t('track.action.failed', { detail: mutation.error instanceof ApiProblem ? mutation.error.message : t('state.error.unreachable') })}
      </p>
    </section>
  );
}
