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
      second: '2-digit',
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
  second: string;
}

function formattedParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return parts as unknown as LocalParts;
}

// formatToParts costs microseconds and a page formats a dozen dates. A zone's offset from UTC
// changes at most a few times a year, on a quarter hour: it is looked up once per UTC day
// (when the day starts and ends with the same offset), and only on a day with a change once
// per quarter hour. A year of comment dates is 365 entries, not 35,000.
const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** per zone: UTC day number -> the offset all day, or null on a day the offset changes */
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAYS_LIMIT = 20_000; // about 55 years per zone

function offsetAtQuarter(quarter: number, timeZone: string): number {
  const p = formattedParts(quarter, timeZone);
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - quarter;
}

/** The zone's offset from UTC at the instant, in ms (Shanghai: +8 h). */
function zoneOffset(instant: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (days === undefined) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  const day = Math.floor(instant / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = offsetAtQuarter(day * DAY_MS, timeZone);
    const last = offsetAtQuarter((day + 1) * DAY_MS - QUARTER_HOUR_MS, timeZone);
    offset = first === last ? first : null;
    if (days.size >= DAYS_LIMIT) days.clear();
    days.set(day, offset);
  }
  return offset ?? offsetAtQuarter(Math.floor(instant / QUARTER_HOUR_MS) * QUARTER_HOUR_MS, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function localParts(instant: number, timeZone: string): LocalParts {
  const wall = new Date(instant + zoneOffset(instant, timeZone));
  return {
    year: pad(wall.getUTCFullYear(), 4),
    month: pad(wall.getUTCMonth() + 1),
    day: pad(wall.getUTCDate()),
    hour: pad(wall.getUTCHours()),
    minute: pad(wall.getUTCMinutes()),
    second: pad(wall.getUTCSeconds()),
  };
}

/** 'YYYY-MM-DD' of the instant in the zone: the key of daily buckets. */
export function dayKey(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The day key `delta` calendar days from `day` ('YYYY-MM-DD'): plain date arithmetic, no zone. */
export function shiftDay(day: string, delta: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + delta)).toISOString().slice(0, 10);
}

/** The inclusive day span of the last `days` days up to the day of `now` in the zone. */
export function daySpan(now: number, timeZone: string, days: number): { from: string; to: string } {
  const today = dayKey(now, timeZone);
  return { from: shiftDay(today, 1 - days), to: today };
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

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
/**
 * The instant a datetime-local value ('2026-11-20T08:30') names on the clocks of the zone;
 * undefined for anything that is not a real date and time. A time skipped by a daylight-saving
 * change counts as the same time after the change; a repeated one as its first occurrence.
 */
export function parseLocalInputValue(value: string, timeZone: string): number | undefined {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((n) => (n === undefined ? 0 : Number(n))) as number[];
  if (year! < 1970 || month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second > 59) return undefined;
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second);
  if (new Date(wall).getUTCDate() !== day) return undefined; // 2月30日 and the like
  const DAY = 86_400_000;
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((instant) => instant + zoneOffset(instant, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before; // in a gap: the offset before the change carries it past the gap
}

/** The instant the next calendar day begins on the zone's clocks (its local midnight). */
export function startOfNextDay(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const next = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day) + 1));
  return parseLocalInputValue(`${next.toISOString().slice(0, 10)}T00:00`, timeZone) ?? instant + 86_400_000;
}
