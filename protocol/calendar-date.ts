/**
 * Calendar dates as the debt register writes them (YYYY-MM-DD): one check for the prompt in the
 * editor, the engine's edit and the register. Pure: the engine imports it without LSP.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `value` is YYYY-MM-DD naming a day that exists (2026-02-30 and 2026-13-45 do not; Date.parse rolls the first over). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Today as YYYY-MM-DD in local time: an entry "until 2026-09-30" holds through that whole day. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Why an expiry the user typed cannot be accepted, or undefined. A past day is refused: the
 * finding would turn into an error the moment it is accepted.
 */
export function expiryProblem(value: string, now = today()): string | undefined {
  if (!isCalendarDate(value)) return `"${value}" is not a date: use YYYY-MM-DD (a day that exists), or leave it empty.`;
  if (value < now) return `${value} is in the past: the finding would be an error again at once. Give a day from ${now} on, or leave it empty.`;
  return undefined;
}
