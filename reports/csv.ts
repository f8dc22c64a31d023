/**
 * RFC 4180 CSV for the report exports: a header line, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break. An empty field is a missing value (null). Text that a
 * spreadsheet would run as a formula (starting with = + - @) is prefixed with a quote mark; numbers
 * are written as they are, negative ones included.
 */

export type CsvValue = string | number | boolean | null;

function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [columns, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
