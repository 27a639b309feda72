// In development the log is read by a person in a terminal: one short line per request
// ("14:03:07 GET /article/3 200 4.1 ms") instead of pino's JSON for a log collector, so the
// start-up messages (the first admin's password among them) do not drown in JSON.
import { Writable } from 'node:stream';

interface LogLine {
  level?: number;
  time?: number;
  msg?: string;
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
  /** an error, as pino's serializer writes it */
  err?: { stack?: string; message?: string };
}

const LEVELS: Record<number, string> = { 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

function clock(time: number | undefined): string {
  return new Date(time ?? Date.now()).toTimeString().slice(0, 8);
}

export function formatLogLine(json: string): string {
  let line: LogLine;
  try {
    line = JSON.parse(json) as LogLine;
  } catch {
    return json;
  }
  const level = LEVELS[line.level ?? 30];
  const prefix = `${clock(line.time)}${level ? ` ${level}` : ''}`;
  if (line.msg === 'request' && line.method !== undefined) return `${prefix} ${line.method} ${line.path} ${line.status} ${line.ms} ms`;
  const error = line.err?.stack ?? line.err?.message;
  return `${prefix} ${line.msg ?? json}${error ? `\n${error}` : ''}`;
}

/** A pino destination that writes each entry as a readable line to `out`. */
export function readableLog(out: { write(text: string): unknown }): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const json of chunk.toString('utf8').split('\n')) if (json.trim() !== '') out.write(`${formatLogLine(json)}\n`);
      done();
    },
  });
}
