// Dates in the site's time zone (default Asia/Shanghai), never the server's: display
// formats and the 'YYYY-MM-DD' day keys that daily view buckets are cut by.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function localParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return parts as unknown as LocalParts;
}

/** 'YYYY-MM-DD' of the instant in the zone: the key of daily buckets. */
export function dayKey(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'YYYY-MM-DD HH:mm' for meta lines and comment times. */
export function formatDateTime(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 'MM-DD' for compact lists. */
export function formatMonthDay(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.month}-${p.day}`;
}

export function yearOf(instant: number, timeZone: string): string {
  return localParts(instant, timeZone).year;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** 'YYYY-MM-DDTHH:mm' (the value of <input type="datetime-local">) for the instant in the zone. */
export function toLocalInputValue(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant a 'YYYY-MM-DDTHH:mm' wall-clock time in the zone stands for; undefined if malformed. */
export function parseLocalInputValue(value: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  // The zone's offset at that moment, found by formatting the guess back (twice, for DST edges).
  let instant = asUtc - offsetOf(asUtc, timeZone);
  instant = asUtc - offsetOf(instant, timeZone);
  return instant;
}

function offsetOf(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const wallClock = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return wallClock - Math.floor(instant / 60_000) * 60_000;
}
