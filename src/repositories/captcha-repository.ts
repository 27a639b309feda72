// Captcha challenges: the answer a session must give for one purpose, until it expires.

export interface CaptchaChallenge {
  answer: string;
  expiresAt: number;
}

export interface CaptchaRepository {
  /** Replaces the session's challenge for the purpose (a new image voids the old one). */
  save(sessionId: string, purpose: string, challenge: CaptchaChallenge): Promise<void>;
  /** Removes and returns the challenge in one statement: of concurrent attempts, one gets it. */
  take(sessionId: string, purpose: string): Promise<CaptchaChallenge | undefined>;
  deleteExpired(now: number): Promise<number>;
}
