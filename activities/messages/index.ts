import { Language } from '../../domain/customer';
import type { NotificationTemplate, PartyTemplate } from '../types';
import { customerFrame, customerMessages } from './customerMessages';
import { messageFormat, SERVICE_TIME_ZONE } from './format';
import { partyFrame, partyMessages } from './partyMessages';
import { languages, type MessageWording, type RenderedText, renderText, valuesFor } from './render';

/**
 * The words of every message the service sends (docs/notifications.md), rendered as it goes out.
 * Pure: the same template, language and data always give the same text.
 */

export interface RenderedMessage {
  subject: string;
  text: string;
  /** The language written: the customer's, or English for one the catalogue has no words in. */
  language: Language;
  /** Placeholders whose sentences were left out for want of data: names only, safe to log. */
  missing: string[];
}

export const isLanguage = (value: unknown): value is Language => Language.safeParse(value).success;

/** Typed out, but a worker may still be handed a template it has no words for: it gets the frame and the link. */
const noWords: MessageWording = { en: { subject: [], body: [] }, 'zh-CN': { subject: [], body: [] } };

/** A message to a customer in their language (English when it is not one we write). */
export function renderMessage(template: NotificationTemplate, language: string | undefined, data: Record<string, unknown>): RenderedMessage {
  const lang: Language = isLanguage(language) ? language : 'en';
  const wording: MessageWording = customerMessages[template] ?? noWords;
  const frame = customerFrame[lang];
  const rendered = renderText(wording[lang], valuesFor(wording, data, messageFormat(lang)), frame);
  const text = [frame.greeting, ...rendered.paragraphs, ...(rendered.link ? [rendered.link] : []), frame.closing].join('\n\n');
  return { subject: rendered.subject, text, language: lang, missing: rendered.missing };
}

/** A message to staff, English then Chinese, dates in the service's zone. */
export function renderPartyMessage(template: PartyTemplate, data: Record<string, unknown>): Omit<RenderedMessage, 'language'> {
  const wording: MessageWording = partyMessages[template] ?? noWords;
  const [en, zh] = languages.map((lang) =>
    renderText(wording[lang], valuesFor(wording, data, messageFormat(lang, SERVICE_TIME_ZONE)), { subject: partyFrame[lang].subject, link: '' }),
  ) as [RenderedText, RenderedText];
  return {
    subject: `${en.subject} | ${zh.subject}`,
    text: `${en.paragraphs.join('\n\n')}\n\n———\n\n${zh.paragraphs.join('\n\n')}`,
    missing: [...new Set([...en.missing, ...zh.missing])],
  };
}
