// Parses the comment moderation requests (/admin/comments): the queue's tab and page, the
// action of a bulk or per-row form and the ticked comment ids, the moderation mode, and a new
// sensitive word (normalised as the filter matches it, with its checks). Anything a form
// cannot send (an unknown action or status, a malformed id) is a 400.
import type { Request } from 'express';
import type { CommentStatus } from '../../domain/types.js';
import type { ModerationAction, ModerationMode } from '../../services/moderation-service.js';
import { normaliseForMatching } from '../../services/word-filter.js';
import { badRequest } from '../http-error.js';
import { COMMENTS_MESSAGES } from '../messages/comments.js';
import { pageNumber, parseId, queryString } from '../params.js';
import { singleField } from './single-field.js';

export const COMMENT_STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'rejected', 'spam', 'deleted'];
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'reject', 'spam', 'delete'];
/** the longest sensitive word (characters, after normalising) */
export const WORD_MAX = 30;

const ID = /^[1-9]\d{0,14}$/;

/** The queue's tab and page. */
export interface QueueView {
  status: CommentStatus;
  page: number;
}

/** ?status= of the queue (pending when absent) and ?page=. */
export function parseQueueView(req: Request): QueueView {
  return { status: statusOf(req), page: pageNumber(req) };
}

/** The bulk form: the action and the ticked comment ids (none ticked is for the controller to word). */
export function parseBulkModeration(req: Request): QueueView & { action: ModerationAction; ids: number[] } {
  const view = parseQueueView(req);
  const action = actionOf(req.body);
  return { ...view, action, ids: idList(req.body) };
}

/** A row's form: the comment of the route and the action. */
export function parseRowModeration(req: Request<{ id: string }>): QueueView & { action: ModerationAction; id: number } {
  const id = parseId(req.params.id);
  const view = parseQueueView(req as Request);
  return { ...view, action: actionOf(req.body), id };
}

/** The moderation mode: publish at once (auto) or review first. */
export function parseModeForm(body: unknown): { mode: ModerationMode | undefined; error: string | undefined } {
  const mode = singleField(body, 'commentModeration');
  return mode === 'auto' || mode === 'review' ? { mode, error: undefined } : { mode: undefined, error: COMMENTS_MESSAGES.modeInvalid };
}

/** A new sensitive word: `input` as typed (trimmed, for re-display), `word` as the filter matches it. */
export function parseWordForm(body: unknown): { input: string; word: string; error: string | undefined } {
  const input = singleField(body, 'word').trim();
  const word = normaliseForMatching(input);
  let error: string | undefined;
  if (input === '') error = COMMENTS_MESSAGES.wordEmpty;
  else if (word === '') error = COMMENTS_MESSAGES.wordOnlySymbols;
  else if (Array.from(word).length > WORD_MAX || input.length > WORD_MAX * 4) error = COMMENTS_MESSAGES.wordTooLong(WORD_MAX);
  return { input, word, error };
}

function statusOf(req: Request): CommentStatus {
  const raw = queryString(req, 'status');
  if (raw === undefined || raw === '') return 'pending';
  if (!(COMMENT_STATUSES as readonly string[]).includes(raw)) throw badRequest(COMMENTS_MESSAGES.unknownStatus);
  return raw as CommentStatus;
}

function actionOf(body: unknown): ModerationAction {
  const action = singleField(body, 'action');
  if (!(MODERATION_ACTIONS as readonly string[]).includes(action)) throw badRequest(COMMENTS_MESSAGES.unknownAction);
  return action as ModerationAction;
}

/** The ticked comment ids (a checkbox field that may repeat), without duplicates; malformed ids are a 400. */
function idList(body: unknown): number[] {
  const raw = (body as Record<string, unknown> | undefined)?.ids;
  if (raw === undefined) return [];
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  return [
    ...new Set(
      values.map((value) => {
        if (typeof value !== 'string' || !ID.test(value)) throw badRequest(COMMENTS_MESSAGES.badIds);
        return Number(value);
      }),
    ),
  ];
}
