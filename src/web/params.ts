// Strict parsing of ids and query parameters: anything odd is a clear 400/404, never a 500.
import type { Request } from 'express';
import { badRequest, notFound } from './http-error.js';
import { SITE_MESSAGES } from './messages/site.js';

const ID = /^[1-9]\d{0,14}$/;
const PAGE = /^[1-9]\d{0,5}$/;
export const MAX_PAGE = 999_999;

/** A route id such as /article/:id; anything but a positive integer names nothing -> 404. */
export function parseId(raw: string | undefined): number {
  if (raw === undefined || !ID.test(raw)) throw notFound();
  return Number(raw);
}

/** One string value of a query parameter; repeated parameters are refused with 400. */
export function queryString(req: Request, name: string): string | undefined {
  const value: unknown = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(SITE_MESSAGES.paramOnce(name));
  return value;
}

/** ?page=N: 1 when absent, 400 when not a positive whole number. */
export function pageNumber(req: Request): number {
  const raw = queryString(req, 'page');
  if (raw === undefined || raw === '') return 1;
  if (!PAGE.test(raw)) throw badRequest(SITE_MESSAGES.pageNumberInvalid);
  return Number(raw);
}
