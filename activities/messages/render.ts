import type { Language } from '../types';
import type { MessageFormat } from './format';

/**
 * How a message's words are written down and filled in. A text names its placeholders in braces,
 * `{orderId}`, and takes their values from the data the workflow sent with the template, as the
 * entry's `values` reads it (a date in the reader's language and zone, a code as a word).
 *
 * A paragraph is one sentence or a list of alternatives: the first whose placeholders all have a
 * value is written. An alternative of '' makes the paragraph optional. A paragraph none of whose
 * alternatives can be filled is left out, never written with a hole ("undefined", "{amount}"),
 * and its placeholders are reported as missing, so the sender can warn of data the workflow did
 * not send.
 */

/** One sentence, or alternatives in order of preference. */
export type Variants = string | readonly string[];

export interface MessageText {
  subject: Variants;
  body: readonly Variants[];
  /** The line that carries the tracking link in place of the usual one (a survey's "rate us here"). */
  link?: string;
}

export type PlaceholderValues = Record<string, string | undefined>;

export interface MessageWording {
  /**
   * The placeholders' values from the workflow's data, in the reader's language. Without it, or
   * for a placeholder it leaves out, a non-empty string or a number of the data under the same name.
   */
  values?: (data: Record<string, unknown>, format: MessageFormat) => PlaceholderValues;
  en: MessageText;
  'zh-CN': MessageText;
}

export interface RenderedText {
  subject: string;
  /** Paragraphs, in order; empty when none could be written. */
  paragraphs: string[];
  /** The link line, when the data carries a link. */
  link?: string;
  /** Placeholders of the paragraphs and subject that could not be written. */
  missing: string[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** English first: a staff message is written in both, English then Chinese. */
export const languages: readonly Language[] = ['en', 'zh-CN'];

/** The placeholders a sentence names, in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export const alternativesOf = (variants: Variants): readonly string[] => (typeof variants === 'string' ? [variants] : variants);

/** Every sentence of a text, the link line included: what the catalogue's checks read. */
export function sentencesOf(text: MessageText): string[] {
  return [...alternativesOf(text.subject), ...text.body.flatMap(alternativesOf), ...(text.link ? [text.link] : [])];
}

/** The data's own values: non-empty strings and finite numbers, which a sentence may show as sent. */
function plainValues(data: Record<string, unknown>): PlaceholderValues {
  const values: PlaceholderValues = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
    else if (typeof value === 'number' && Number.isFinite(value)) values[key] = String(value);
  }
  return values;
}

export function valuesFor(wording: MessageWording, data: Record<string, unknown>, format: MessageFormat): PlaceholderValues {
  return { ...plainValues(data), ...wording.values?.(data, format) };
}

/** The sentence with every placeholder filled in one pass (a value's own braces stay as written); undefined when one has no value. */
export function fill(sentence: string, values: PlaceholderValues): string | undefined {
  if (placeholdersOf(sentence).some((name) => values[name] === undefined || values[name] === '')) return undefined;
  return sentence.replace(PLACEHOLDER, (_, name: string) => values[name]!);
}

/** The first alternative that can be filled, or the placeholders the preferred one lacks. */
export function choose(variants: Variants, values: PlaceholderValues): { text: string } | { missing: string[] } {
  const alternatives = alternativesOf(variants);
  for (const alternative of alternatives) {
    const text = fill(alternative, values);
    if (text !== undefined) return { text };
  }
  return { missing: placeholdersOf(alternatives[0] ?? '').filter((name) => !values[name]) };
}

/** A text in one language, filled; the subject falls back to `fallbackSubject` when it cannot be. */
export function renderText(text: MessageText, values: PlaceholderValues, fallback: { subject: string; link: string }): RenderedText {
  const missing: string[] = [];
  const written = (variants: Variants): string | undefined => {
    const chosen = choose(variants, values);
    if ('text' in chosen) return chosen.text;
    missing.push(...chosen.missing);
    return undefined;
  };
  const subject = written(text.subject) ?? fallback.subject;
  const paragraphs = text.body.map(written).filter((p): p is string => p !== undefined && p !== '');
  const link = fill(text.link ?? fallback.link, values);
  return { subject, paragraphs, ...(link !== undefined && { link }), missing: [...new Set(missing)] };
}
