import type { TextEdit } from '../model';

function offsetAt(text: string, lineStarts: number[], line: number, character: number): number {
  return Math.min((lineStarts[line] ?? text.length) + character, text.length);
}

/** Applies non-overlapping edits to a text (as an editor would), last first so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const resolved = edits
    .map((e) => ({ start: offsetAt(text, lineStarts, e.range.start.line, e.range.start.character), end: offsetAt(text, lineStarts, e.range.end.line, e.range.end.character), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
