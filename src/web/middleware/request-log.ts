// One structured log line per request (pino): method, path, status, time. Never the query
// string (search terms, tokens), cookies or bodies; addresses shortened to their network
// (IPv4 /24, IPv6 /48) so logs do not hold who read what.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { networkOf } from '../../services/network.js';

export interface RequestLogLine {
  method: string | undefined;
  /** path and query as requested; only the path is logged */
  url: string;
  status: number;
  /** process.hrtime.bigint() when the request arrived */
  started: bigint;
  address: string | undefined;
}

/** Writes the log line of one request (the Express middleware and the page-cache front share it). */
export function logRequest(logger: Logger, line: RequestLogLine): void {
  const ms = Number(process.hrtime.bigint() - line.started) / 1e6;
  const queryStart = line.url.indexOf('?');
  const entry = {
    method: line.method,
    path: (queryStart === -1 ? line.url : line.url.slice(0, queryStart)).slice(0, 200),
    status: line.status,
    ms: Math.round(ms * 10) / 10,
    net: networkOf(line.address ?? ''),
  };
  if (line.status >= 500) logger.error(entry, 'request');
  else logger.info(entry, 'request');
}

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logRequest(logger, { method: req.method, url: req.originalUrl, status: res.statusCode, started, address: req.ip });
    });
    next();
  };
}
