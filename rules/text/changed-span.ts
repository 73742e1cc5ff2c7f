import type { TextEdit } from '../model';
import { LineIndex } from './line-index';

/** Where two texts differ: from `start` to `oldEnd` in the first, to `newEnd` in the second (their common prefix and suffix left out). */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function changedSpan(before: string, after: string): ChangedSpan {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** One edit replacing only what differs between two texts (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  return { range: new LineIndex(before).rangeOf(start, oldEnd), newText: after.slice(start, newEnd) };
}
