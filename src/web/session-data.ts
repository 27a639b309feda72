// What the portal keeps in a session.
import 'express-session';

export interface Flash {
  type: 'success' | 'info' | 'error';
  message: string;
}

declare module 'express-session' {
  interface SessionData {
    /** set when a captcha was issued, so the session is stored and its id stays stable */
    hasCaptcha?: boolean;
    /** one message for the next page shown (post/redirect/get) */
    flash?: Flash;
    /** the logged-in editor */
    userId?: number;
  }
}

export {};
