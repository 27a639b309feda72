// A reader with a cookie jar over fetch: keeps the session cookie, reads the CSRF token from
// the last form it saw, fetches captchas and posts url-encoded forms.
import * as cheerio from 'cheerio';
import type { Page, TestApp } from './test-app.js';

export class ReaderSession {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(
    private readonly app: TestApp,
    private readonly headers: Record<string, string> = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 test-reader' },
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const response = await fetch(this.app.baseUrl + path, {
      redirect: 'manual',
      ...init,
      headers: { ...this.headers, cookie: this.cookieHeader(), ...(init.headers as Record<string, string> | undefined) },
    });
    this.storeCookies(response);
    const text = await response.text();
    const $ = cheerio.load(text);
    const token = $('input[name=_csrf]').val();
    if (typeof token === 'string') this.csrfToken = token;
    return { status: response.status, headers: response.headers, text, $ };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** Opens the comment form of an article (its CSRF token becomes this.csrfToken). */
  openCommentForm(articleId: number): Promise<Page> {
    return this.request(`/article/${articleId}/comment-form`);
  }

  /** Fetches a captcha image, which binds a new answer to this session. */
  async captcha(purpose = 'comment'): Promise<Response> {
    const response = await fetch(`${this.app.baseUrl}/captcha?purpose=${purpose}`, {
      headers: { ...this.headers, cookie: this.cookieHeader() },
    });
    this.storeCookies(response);
    return response;
  }

  post(path: string, fields: Record<string, string> | string, headers: Record<string, string> = {}): Promise<Page> {
    const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** Posts a multipart form (FormData sets its own content type). */
  postMultipart(path: string, form: FormData, headers: Record<string, string> = {}): Promise<Page> {
    return this.request(path, { method: 'POST', body: form, headers });
  }

  hasSession(): boolean {
    return this.cookies.has('portal.sid');
  }

  /** The session id behind the signed session cookie (s:<id>.<signature>); undefined without one. */
  sessionId(): string | undefined {
    const cookie = decodeURIComponent(this.cookies.get('portal.sid') ?? '');
    return /^s:(.+)\.[^.]+$/.exec(cookie)?.[1];
  }

  private storeCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
