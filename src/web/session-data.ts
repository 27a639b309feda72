// What the portal keeps in a session.
import 'express-session';
import type { CommentFormErrors } from './forms/comment-form.js';

export interface Flash {
  type: 'success' | 'info' | 'error';
  message: string;
}

/** The comment form as a reader sees it: their text, and why their last post failed. */
export interface CommentFormState {
  values: { nickname: string; body: string };
  errors: CommentFormErrors;
  /** a message about the whole form (limits, duplicates) */
  notice?: string;
}

/**
 * A comment form that failed (post/redirect/get): what the reader typed, kept for them alone
 * until their comment is posted, and why it failed, shown once.
 */
export interface CommentDraft extends CommentFormState {
  articleId: number;
  /** the comment replied to (回复); null for a new floor */
  parentId: number | null;
}

declare module 'express-session' {
  interface SessionData {
    /** set when a captcha was issued, so the session is stored and its id stays stable */
    hasCaptcha?: boolean;
    /** one message for the next page shown (post/redirect/get) */
    flash?: Flash;
    /** the reader's comment form that came back with errors */
    commentDraft?: CommentDraft;
    /** the nickname of the reader's last comment, offered on their next one */
    commentNickname?: string;
    /** the receipt code of the reader's last report, shown once on the page after it */
    reportReceipt?: { commentId: number; code: string; hidden: boolean };
    /** the logged-in editor */
    userId?: number;
  }
}

export {};
