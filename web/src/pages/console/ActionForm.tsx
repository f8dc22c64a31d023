import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ApiProblem, unwrap } from '../../api/problem';
import type { paths } from '../../api/schema';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorState } from '../../ui/States';
import { type ActionField, bodyOf, type FieldValues } from './actionFields';

/** Any of the case actions: the form picks one at run time, so the path is one of these, checked by the API. */
type ActionPath = Extract<keyof paths, `/v1/cases/{id}/actions/${string}`>;

/** What the API said about each field of a refused request (its 400 validation problem). */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const errors = error.problem.errors;
  if (!Array.isArray(errors)) return {};
  const byField: Record<string, string> = {};
  for (const e of errors as { in?: string; path?: string; message?: string }[]) {
    if (e.in === 'body' && e.path && e.message) byField[e.path.split('.')[0]!] ??= e.message;
  }
  return byField;
}

/** A form generated from an action's request-body schema; posts it and reports the case's new status. */
export function ActionForm({
  caseId,
  action,
  title,
  fields,
  onDone,
  onClose,
}: {
  caseId: string;
  action: string;
  title: string;
  fields: ActionField[];
  onDone(status: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const id = useId();
  const [values, setValues] = useState<FieldValues>({});
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      unwrap(api.POST(`/v1/cases/{id}/actions/${action}` as ActionPath, { params: { path: { id: caseId } }, body: body as never })),
    onSuccess: (ack) => onDone((ack as { status: string }).status),
  });
  const errors = { ...fieldErrors(send.error), ...Object.fromEntries(unreadable.map((name) => [name, 'JSON'])) };
  const otherError = send.isError && Object.keys(fieldErrors(send.error)).length === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, unreadable: bad } = bodyOf(fields, values);
    setUnreadable(bad);
    if (bad.length === 0) send.mutate(body);
  }

  return (
    <form className="stack panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      {fields.length === 0 && <p className="muted">{t('case.actions.noFields')}</p>}
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          id={`${id}-${field.name}`}
          field={field}
          value={values[field.name]}
          error={errors[field.name]}
          onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
        />
      ))}
      {otherError && <ErrorState error={send.error} title={t('case.actions.failed')} />}
      <div className="button-row">
        <button type="submit" disabled={send.isPending}>
          {send.isPending ? t('case.actions.sending') : t('case.actions.submit')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('case.actions.cancel')}
        </button>
      </div>
    </form>
  );
}

function FieldInput({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string;
  field: ActionField;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange(value: string | boolean): void;
}) {
  const { t } = useI18n();
  const label = field.kind === 'json' ? t('case.actions.json', { field: field.name }) : field.name;
  const described = [field.description && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined, required: field.required };
  const text = typeof value === 'string' ? value : '';
  return (
    <div className={field.kind === 'boolean' ? 'field checkbox-field' : 'field'}>
      {field.kind === 'boolean' && <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />}
      <label htmlFor={id}>
        {label} {!field.required && <span className="muted">{t('case.actions.optional')}</span>}
      </label>
      {field.description && (
        <p id={`${id}-hint`} className="field-hint">
          {field.description}
        </p>
      )}
      {field.kind === 'choice' && (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {field.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
      {(field.kind === 'number' || field.kind === 'integer') && (
        <input
          type="number"
          step={field.kind === 'integer' ? 1 : 'any'}
          min={field.schema.minimum}
          max={field.schema.maximum}
          {...common}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {field.kind === 'text' && <TextInput common={common} field={field} text={text} onChange={onChange} />}
      {field.kind === 'json' && <textarea {...common} rows={4} value={text} onChange={(e) => onChange(e.target.value)} />}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Long texts (a note, a solution) get a text area, short ones (an id) a line. */
function TextInput({
  common,
  field,
  text,
  onChange,
}: {
  common: Record<string, unknown>;
  field: ActionField;
  text: string;
  onChange(value: string): void;
}) {
  const long = (field.schema.maxLength ?? 0) > 200;
  return long ? (
    <textarea {...common} className="prose-input" rows={3} maxLength={field.schema.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input type="text" {...common} maxLength={field.schema.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />
  );
}
