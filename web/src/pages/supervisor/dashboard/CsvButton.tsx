import { useMutation } from '@tanstack/react-query';
import { ApiProblem } from '../../../api/problem';
import { useI18n } from '../../../i18n/I18nProvider';

/** Hands the browser a file the page already holds, so the token that fetched it never goes in a URL. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** A report as CSV: fetched with the session's bearer and saved as `fileName`. */
export function CsvButton({ label, fileName, fetchCsv }: { label: string; fileName: string; fetchCsv: () => Promise<Blob> }) {
  const { t } = useI18n();
  const download = useMutation({ mutationFn: fetchCsv, onSuccess: (blob) => save(blob, fileName) });
  const reason = download.error instanceof ApiProblem ? (download.error.problem.detail ?? download.error.problem.title) : t('state.error.unreachable');
  return (
    <span className="csv-download">
      <button type="button" className="secondary" onClick={() => download.mutate()} disabled={download.isPending}>
        {download.isPending ? t('dashboard.csv.busy') : label}
      </button>
      {download.isError && (
        <span className="field-error" role="alert">
          {t('dashboard.csv.failed', { reason })}
        </span>
      )}
    </span>
  );
}
