// Cleaning of what readers and editors type, for every form: one line (names, titles, one-line
// settings) or several (comment and submission bodies, descriptions), and length as a reader
// counts it. Control characters and the bidirectional marks, overrides and isolates that can
// disguise text are removed; the edges lose whitespace, zero-width spaces and BOMs.

// C0/C1 controls except tab, LF and CR (those are turned into spaces or line breaks first).
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLE_EDGES = /^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g;

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Length as a reader counts it: an emoji or a CJK character is one. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** One line: NFC; tabs, CR and LF become spaces; controls and bidi marks removed; edges trimmed. */
export function cleanLine(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\r\n\t]/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(INVISIBLE_EDGES, '');
}

/** Several lines: NFC; line breaks become \n (at most one empty line in a row); tabs become spaces; controls and bidi marks removed; edges trimmed. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(INVISIBLE_EDGES, '');
}
