// Parses the two public notices of a published article: a 更正/更新 note, and 撤稿 with its reason
// and whether the URL keeps showing the title. Empty or over 2,000 characters: 422 (error set).
import type { CorrectionKind } from '../../domain/types.js';
import { CORRECTION_NOTE_MAX, RETRACTION_REASON_MAX } from '../../services/correction-service.js';
import { ARTICLES_MESSAGES as M } from '../messages/articles.js';
import { singleField } from './single-field.js';
import { cleanText, visibleLength } from './text-input.js';

export function parseCorrectionForm(body: unknown): { kind: CorrectionKind; note: string; error?: string } {
  const kindRaw = singleField(body, 'kind');
  const note = cleanText(singleField(body, 'note'));
  const kind: CorrectionKind = kindRaw === 'update' ? 'update' : 'correction';
  if (kindRaw !== 'correction' && kindRaw !== 'update') return { kind, note, error: M.correctionKindInvalid };
  if (visibleLength(note) === 0) return { kind, note, error: M.correctionNoteMissing };
  if (visibleLength(note) > CORRECTION_NOTE_MAX) return { kind, note, error: M.correctionNoteTooLong(CORRECTION_NOTE_MAX) };
  return { kind, note };
}

export function parseRetractionForm(body: unknown): { reason: string; showsTitle: boolean; error?: string } {
  const reason = cleanText(singleField(body, 'reason'));
  const showsTitle = singleField(body, 'showsTitle') === '1';
  if (visibleLength(reason) === 0) return { reason, showsTitle, error: M.retractionReasonMissing };
  if (visibleLength(reason) > RETRACTION_REASON_MAX) return { reason, showsTitle, error: M.retractionReasonTooLong(RETRACTION_REASON_MAX) };
  return { reason, showsTitle };
}
