import type { Position, Range } from '../model';

/**
 * Offsets where lines start, as LSP counts lines: after "\n", "\r\n" and "\r" only. (JavaScript
 * also ends lines at U+2028 and U+2029; editors and LSP do not, so positions must not either.)
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset → line/character (UTF-16, like LSP) for one text, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[];
  private readonly length: number;

  constructor(text: string) {
    this.starts = lineStarts(text);
    this.length = text.length;
  }

  positionAt(offset: number): Position {
    // A range "one character past" the end (an error at the end of the text) stays inside it.
    offset = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
