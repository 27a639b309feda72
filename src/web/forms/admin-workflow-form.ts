// Parses a review step posted from the editor (POST /admin/articles/:id/workflow): the step, the
// version the reviewer saw, the reason or note, and for 签发 an optional publish time. An unknown
// step or version is a broken request (400); a missing reason or an overlong note is 422.
import { NOTE_MAX } from '../../services/workflow-service.js';
import { parseLocalInputValue } from '../../services/site-time.js';
import { badRequest } from '../http-error.js';
import { ARTICLES_MESSAGES as M } from '../messages/articles.js';
import { singleField } from './single-field.js';
import { cleanText, visibleLength } from './text-input.js';

export const WORKFLOW_STEPS = ['submit', 'approve', 'return', 'sign', 'note', 'discard'] as const;
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

export interface WorkflowStepForm {
  step: WorkflowStep;
  version: number;
  note: string;
  /** for 签发: null publishes now */
  publishAt: number | null;
  /** what the reviewer gets back with a 422 */
  error?: string;
}

export function parseWorkflowStep(body: unknown, timeZone: string): WorkflowStepForm {
  const step = singleField(body, 'step') as WorkflowStep;
  if (!WORKFLOW_STEPS.includes(step)) throw badRequest(M.stepInvalid);
  const versionRaw = singleField(body, 'version');
  if (!/^[1-9]\d{0,9}$/.test(versionRaw)) throw badRequest(M.versionInvalid);
  const note = cleanText(singleField(body, 'note'));
  const publishRaw = singleField(body, 'publishAt').trim();
  const publishAt = publishRaw === '' ? null : (parseLocalInputValue(publishRaw, timeZone) ?? undefined);
  const form: WorkflowStepForm = { step, version: Number(versionRaw), note, publishAt: publishAt ?? null };
  if (publishAt === undefined) form.error = M.publishAtInvalid;
  else if (visibleLength(note) > NOTE_MAX) form.error = M.noteTooLong(NOTE_MAX);
  else if (step === 'return' && visibleLength(note) === 0) form.error = M.returnReasonMissing;
  else if (step === 'note' && visibleLength(note) === 0) form.error = M.noteMissing;
  return form;
}

const ACK_MAX = 20;
const ACK_LENGTH_MAX = 300;

/** The pre-publication findings ticked 已核对 (the repeated field `ack`; each a finding's id). */
export function acknowledgedOf(body: unknown): string[] {
  const raw = ((body ?? {}) as Record<string, unknown>).ack;
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (values.length > ACK_MAX || values.some((value) => typeof value !== 'string' || value.length > ACK_LENGTH_MAX)) {
    throw badRequest(M.stepInvalid);
  }
  return values as string[];
}
