import { customerFrame, customerMessages } from '../../activities/messages/customerMessages';
import { partyFrame, partyMessages } from '../../activities/messages/partyMessages';
import { alternativesOf, type MessageText, type MessageWording, type Variants } from '../../activities/messages/render';
import type { Language } from '../../activities/types';
import { code, table } from './markdown';
import type { Sections } from './sections';

/** Every message's words in both languages (activities/messages) for docs/notifications.md. */

const lines = (text: string) => text.replaceAll('\n', '<br>');

/** One paragraph as written: alternatives in order, an optional one marked as such. */
function paragraph(variants: Variants): string {
  const alternatives = alternativesOf(variants);
  const written = alternatives.filter((a) => a !== '').map(lines);
  const optional = alternatives.includes('') ? ' *(when sent)*' : '';
  return `${written.join(' *or* ')}${optional}`;
}

/** The subject in bold, the paragraphs, and the template's own link line (the usual one is the frame's). */
function cell(text: MessageText): string {
  return [`**${paragraph(text.subject)}**`, ...text.body.map(paragraph), ...(text.link ? [lines(text.link)] : [])].join('<br><br>');
}

function wordingTable(catalogue: Record<string, MessageWording>): string {
  return table(
    ['template', 'en', 'zh-CN'],
    Object.entries(catalogue).map(([template, wording]) => [code(template), cell(wording.en), cell(wording['zh-CN'])]),
  );
}

function frameTable(): string {
  const rows: [string, (l: Language) => string][] = [
    ['opens with', (l) => customerFrame[l].greeting],
    ['then, when the message carries a link, the link line (unless the template ends with its own)', (l) => customerFrame[l].link],
    ['ends with', (l) => customerFrame[l].closing],
    ['subject when its own cannot be written', (l) => customerFrame[l].subject],
    ['a staff message’s subject when its own cannot be written', (l) => partyFrame[l].subject],
  ];
  return table(['', 'en', 'zh-CN'], rows.map(([what, text]) => [what, lines(text('en')), lines(text('zh-CN'))]));
}

export function messageSections(): Sections {
  return {
    'messages:frame': frameTable(),
    'messages:customer': wordingTable(customerMessages),
    'messages:staff': wordingTable(partyMessages),
  };
}
