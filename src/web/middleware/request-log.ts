// One structured log line per request (pino): method, path, status, time. Never the query
// string (search terms, tokens), cookies or bodies; addresses shortened to their network
// (IPv4 /24, IPv6 /48) so logs do not hold who read what.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

export function shortenAddress(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) {
    // expand '::' to the zero groups it stands for, then keep the first three groups
    const [head = '', tail] = ip.split('::');
    const headGroups = head === '' ? [] : head.split(':');
    const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
    const zeros = Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0');
    const groups = [...headGroups, ...(tail === undefined ? [] : zeros), ...tailGroups];
    return `${groups.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/48`;
  }
  return 'unknown';
}

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
    net: shortenAddress(line.address ?? ''),
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
