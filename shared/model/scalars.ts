import { z } from 'zod';

/*
 * The scalar values of a document: texts, dates and times, canvas coordinates. Each refuses what the
 * document could not keep faithfully or what no editor could have produced, with a message a user can act on.
 */

/**
 * Farthest a position may lie from the canvas origin, in canvas units (1 unit = 1 px at zoom 1). A
 * 5,000-component design laid out on a grid spans about 20,000 units, so real designs stay far inside it,
 * while every sum, size and zoomed offset the canvas computes stays exact to well below a pixel and inside
 * what browsers lay out (Chromium stops at about ±33.5 million px).
 */
export const MAX_CANVAS_COORDINATE = 1_000_000;
/** Largest width or height of a component, in canvas units: a boundary may span the whole canvas. */
export const MAX_CANVAS_SIZE = 2 * MAX_CANVAS_COORDINATE;
/**
 * The zoom range a document may store. Wider than the canvas offers (0.1 to 3), so a change of that range
 * never makes saved files invalid; bounded so that zoomed offsets stay within MAX_VIEWPORT_OFFSET.
 */
export const MIN_VIEWPORT_ZOOM = 0.01;
export const MAX_VIEWPORT_ZOOM = 100;
/** Largest viewport offset, in screen px: the farthest canvas coordinate at the largest zoom. */
export const MAX_VIEWPORT_OFFSET = MAX_CANVAS_COORDINATE * MAX_VIEWPORT_ZOOM;

const grouped = (n: number): string => n.toLocaleString('en-US');

/** A number in [-limit, limit]; `what` names it in the message ("A canvas coordinate"). */
function bounded(what: string, limit: number) {
  const message = `${what} is between ${grouped(-limit)} and ${grouped(limit)}.`;
  return z.number().min(-limit, message).max(limit, message);
}

/** A position on the canvas, in canvas units. */
export const coordinateSchema = bounded('A canvas coordinate', MAX_CANVAS_COORDINATE);
/** A width or height, in canvas units. */
export const extentSchema = z
  .number()
  .positive()
  .max(MAX_CANVAS_SIZE, `A size is at most ${grouped(MAX_CANVAS_SIZE)}.`);
/** A viewport offset, in screen px. */
export const viewportOffsetSchema = bounded('A viewport offset', MAX_VIEWPORT_OFFSET);
/** A viewport zoom factor (1 = 100 %). */
export const zoomSchema = z
  .number()
  .min(MIN_VIEWPORT_ZOOM, `A zoom is between ${MIN_VIEWPORT_ZOOM} and ${MAX_VIEWPORT_ZOOM}.`)
  .max(MAX_VIEWPORT_ZOOM, `A zoom is between ${MIN_VIEWPORT_ZOOM} and ${MAX_VIEWPORT_ZOOM}.`);

/** `String.prototype.isWellFormed` (ES2024, above our ES2023 lib setting; Node 24 and Electron 45 have it). */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

/**
 * True when `text` is well-formed UTF-16: no lone surrogate (half of a pair, such as a cut emoji). A lone
 * surrogate cannot be written faithfully: SQLite and file names take UTF-8, which has no code for it.
 */
export function isWellFormedText(text: string): boolean {
  return (text as unknown as WellFormedCheck).isWellFormed();
}

const WELL_FORMED_MESSAGE =
  'The text holds a broken character (half of a character pair, such as a cut emoji): retype or remove it.';

/** A string schema that also refuses text that is not well-formed UTF-16. */
export function wellFormed(schema: z.ZodString): z.ZodString {
  return schema.refine(isWellFormedText, WELL_FORMED_MESSAGE);
}

/** A text of at most `max` characters (UTF-16 code units). */
export function textOf(max: number): z.ZodString {
  return wellFormed(z.string().max(max));
}

/** A name: trimmed, 1 to 200 characters. */
export const nameSchema = wellFormed(
  z.string().trim().min(1, 'A name cannot be empty.').max(200, 'A name is at most 200 characters.'),
);
/** A free text (description, note, justification): at most 20,000 characters. */
export const textSchema = textOf(20_000);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `day` of `month` (1-12) of `year` is on the (proleptic Gregorian) calendar. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** True for a real YYYY-MM-DD date, and for text that is not shaped like one (the format check says why). */
function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  return m === null || isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for a real UTC moment (seconds 00-59: no leap second), and for text not shaped like a timestamp. */
function isRealTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (m === null) return true;
  return (
    isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59 &&
    Number(m[6]) <= 59
  );
}

/** ISO-8601 date of a real day, e.g. 2026-11-28. */
export const dateSchema = z
  .string()
  .regex(DATE, 'An ISO-8601 date (YYYY-MM-DD).')
  .refine(isRealDate, 'No such day: the month is 01-12 and the day must exist in that month.');

/** ISO-8601 UTC timestamp of a real moment, e.g. 2026-11-28T07:39:46.000Z. */
export const timestampSchema = z
  .string()
  .regex(TIMESTAMP, 'An ISO-8601 UTC timestamp.')
  .refine(isRealTimestamp, 'No such moment: the day must exist, hours are 00-23, minutes and seconds 00-59.');
