import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../ui/States';
import { ActionForm } from './ActionForm';
import { actionFields } from './actionFields';
import { labelOf } from './caseLabels';
import { actionBodySchema, useOpenApiDocument } from './openApiDocument';

/** The actions the case allows now, each a button opening a form generated from the API's schema for it. */
export function CaseActions({ caseId, allowed, onDone }: { caseId: string; allowed: string[]; onDone(message: string): void }) {
  const { t } = useI18n();
  const document = useOpenApiDocument();
  const [open, setOpen] = useState<string | null>(null);
  const body = open && document.data ? actionBodySchema(document.data, open) : undefined;
  return (
    <section className="panel stack" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('case.actions')}</h2>
      {allowed.length === 0 ? (
        <p className="muted">{t('case.actions.none')}</p>
      ) : (
        <div className="button-row">
          {allowed.map((action) => (
            <button key={action} type="button" aria-expanded={open === action} onClick={() => setOpen(action)}>
              {labelOf(t, 'action', action)}
            </button>
          ))}
        </div>
      )}
      {open &&
        (document.isPending ? (
          <LoadingState />
        ) : document.isError ? (
          <ErrorState error={document.error} onRetry={() => void document.refetch()} />
        ) : !body ? (
          <p className="muted">{t('case.actions.unknownSchema')}</p>
        ) : (
          <ActionForm
            key={open}
            caseId={caseId}
            action={open}
            title={labelOf(t, 'action', open)}
            fields={actionFields(document.data, body)}
            onClose={() => setOpen(null)}
            onDone={(status) => {
              setOpen(null);
              onDone(t('case.actions.done', { action: labelOf(t, 'action', open), status: labelOf(t, 'status', status) }));
            }}
          />
        ))}
    </section>
  );
}
