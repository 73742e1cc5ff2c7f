import * as jsonc from 'jsonc-parser';
import { isCalendarDate } from '../../protocol/calendar-date';
import type { Finding, Range } from '../model';
import { minimalEdit } from '../text/changed-span';
import { LineIndex } from '../text/line-index';
import type { DebtEntry } from './debt-register';
import { fingerprintOf } from './fingerprint';
import { relativeTo } from '../host';

/** An edit of the register's text (LSP-style range against the text it was computed on). */
export interface DebtTextEdit {
  range: Range;
  newText: string;
}

export interface DebtFileChange {
  /** Absolute path of the register. */
  file: string;
  /** Whether the register exists now (edit it) or must be created (write `text`). */
  exists: boolean;
  /** The edits against the current text (empty when the file is created). */
  edits: DebtTextEdit[];
  /** The register's text after the change. */
  text: string;
}

export interface NewDebtEntry {
  reason: string;
  owner?: string;
  /** YYYY-MM-DD */
  expires?: string;
}

/** The comment a new register starts with: what the file is for, for whoever opens it first. */
export const NEW_REGISTER_HEADER =
  '// Technical debt accepted on purpose: each entry is a finding the team decided to keep for now, and why.\n' +
  '// Matching findings show as information; after "expires" they are errors again. `foundations debt prune` removes fixed ones.\n';

const FORMAT: jsonc.FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The entry that accepts a finding: rule, workspace-relative file and line-free fingerprint. */
export function debtEntryFor(finding: Finding, root: string, entry: NewDebtEntry): Omit<DebtEntry, 'index' | 'range'> {
  const reason = entry.reason.trim();
  if (!reason) throw new Error('a debt entry needs a reason');
  if (entry.expires !== undefined && !isCalendarDate(entry.expires)) throw new Error(`the expiry "${entry.expires}" is not a day that exists (YYYY-MM-DD)`);
  return {
    rule: finding.ruleId,
    file: relativeTo(root, finding.file),
    fingerprint: fingerprintOf(finding),
    reason,
    ...(entry.owner?.trim() ? { owner: entry.owner.trim() } : {}),
    ...(entry.expires ? { expires: entry.expires } : {}),
  };
}

/**
 * Adds an entry accepting `finding` to the register whose current text is `text` (undefined: the
 * file does not exist yet). Comments and formatting of an existing register are kept.
 */
export function addDebtEntry(file: string, text: string | undefined, root: string, finding: Finding, entry: NewDebtEntry): DebtFileChange {
  return addDebtEntries(file, text, root, [finding], entry);
}

/**
 * Adds entries accepting every one of `findings` with the same reason, in one edit after the
 * register's last entry: `foundations debt accept` records the state of a code base as the baseline
 * new code is held to. Findings that share an entry (same rule, file and fingerprint) get one.
 */
export function addDebtEntries(file: string, text: string | undefined, root: string, findings: readonly Finding[], entry: NewDebtEntry): DebtFileChange {
  const byKey = new Map(findings.map((f) => debtEntryFor(f, root, entry)).map((v) => [`${v.rule}\0${v.file}\0${v.fingerprint}`, v]));
  const values = [...byKey.values()];
  if (text === undefined || text.trim() === '') {
    const created = `${NEW_REGISTER_HEADER}${JSON.stringify({ entries: values }, null, 2)}\n`;
    return { file, exists: text !== undefined, edits: text === undefined ? [] : [{ range: fullRange(text), newText: created }], text: created };
  }
  const tree = jsonc.parseTree(text);
  const entries = tree && jsonc.findNodeAtLocation(tree, ['entries']);
  return toChange(file, text, entries?.type === 'array' ? appendToArray(text, entries, values) : jsonc.modify(text, ['entries'], values, { formattingOptions: FORMAT }));
}

/** The edits that append `values` to `array`, each on lines of its own, indented like the entries already there. */
function appendToArray(text: string, array: jsonc.Node, values: readonly object[]): jsonc.Edit[] {
  const indentAt = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const children = array.children ?? [];
  const outer = indentAt(array.offset);
  const inner = children.length > 0 && ownLineStart(text, children[0].offset) !== undefined ? indentAt(children[0].offset) : `${outer}  `;
  const items = values.map((v) => inner + JSON.stringify(v, null, 2).split('\n').join(eol + inner)).join(`,${eol}`);
  const last = children[children.length - 1];
  if (!last) return [{ offset: array.offset, length: array.length, content: `[${eol}${items}${eol}${outer}]` }];
  const end = last.offset + last.length;
  // After the comment that ends the last entry's line, if any: it stays with that entry.
  const after = endOfLineComment(text, end);
  if (after === end) return [{ offset: end, length: 0, content: `,${eol}${items}` }];
  return [
    { offset: end, length: 0, content: ',' },
    { offset: after, length: 0, content: `${eol}${items}` },
  ];
}

/** Removes the entries at `indexes` (stale ones), keeping comments and the rest of the formatting. */
export function removeDebtEntries(file: string, text: string, indexes: readonly number[]): DebtFileChange {
  let current = text;
  // Last first, so the earlier indexes still point at the same entries.
  for (const index of [...new Set(indexes)].sort((a, b) => b - a)) {
    current = jsonc.applyEdits(current, entryRemoval(current, index));
  }
  if (current === text) return { file, exists: true, edits: [], text };
  return { file, exists: true, edits: [minimalEdit(text, current)], text: current };
}

/**
 * The edits that take entry `index` out of the register and nothing else: its own lines (with
 * a comment that ends them) when it has lines of its own, and the comma before it when it is the
 * last. jsonc's removal reformats the whole array, and one-line entries came back as seven lines.
 */
function entryRemoval(text: string, index: number): jsonc.Edit[] {
  const tree = jsonc.parseTree(text);
  const entries = tree && jsonc.findNodeAtLocation(tree, ['entries']);
  const entry = entries?.children?.[index];
  if (!entries || !entry) return [];
  const siblings = entries.children!;
  if (siblings.length === 1) return [{ offset: entries.offset + 1, length: entries.length - 2, content: '' }];
  const next = siblings[index + 1];
  const start = ownLineStart(text, entry.offset) ?? entry.offset;
  if (next) return [{ offset: start, length: (ownLineStart(text, next.offset) ?? next.offset) - start, content: '' }];
  const previous = siblings[index - 1];
  const comma = tokenAfter(text, previous.offset + previous.length, jsonc.SyntaxKind.CommaToken);
  const end = endOfLineComment(text, entry.offset + entry.length);
  if (ownLineStart(text, entry.offset) === undefined) return [{ offset: comma, length: end - comma, content: '' }];
  // From the line break before the entry, so the array's closing line stays where it was.
  const lineBreak = text.lastIndexOf('\n', entry.offset - 1);
  const from = lineBreak > 0 && text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
  return [
    { offset: comma, length: 1, content: '' },
    { offset: from, length: end - from, content: '' },
  ];
}

/** The start of the line `offset` is on, when only blanks precede it there. */
function ownLineStart(text: string, offset: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset)) ? lineStart : undefined;
}

/** Offset of the first token of `kind` from `offset` on, across blanks and comments. */
function tokenAfter(text: string, offset: number, kind: jsonc.SyntaxKind): number {
  const scanner = jsonc.createScanner(text, false);
  scanner.setPosition(offset);
  for (let token = scanner.scan(); token !== jsonc.SyntaxKind.EOF; token = scanner.scan()) if (token === kind) return scanner.getTokenOffset();
  return offset;
}

/** `offset` moved past a line comment that follows it on its line (it explains what is removed). */
function endOfLineComment(text: string, offset: number): number {
  const comment = /[ \t]*\/\/[^\r\n]*/y;
  comment.lastIndex = offset;
  return comment.test(text) ? comment.lastIndex : offset;
}

function toChange(file: string, text: string, edits: jsonc.Edit[]): DebtFileChange {
  const lines = new LineIndex(text);
  return {
    file,
    exists: true,
    edits: edits.map((e) => ({ range: lines.rangeOf(e.offset, e.offset + e.length), newText: e.content })),
    text: jsonc.applyEdits(text, edits),
  };
}

function fullRange(text: string): Range {
  return new LineIndex(text).rangeOf(0, text.length);
}
