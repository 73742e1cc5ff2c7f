import type { FactCollector } from '../checks/rule';
import type { SourceFile } from 'typescript';
import { type ExtractResult, extractImportsFrom, parseSourceFile, reparseSourceFile } from '../graph/extract-imports';
import { findSuppressions } from '../fixes/suppress-line';

/** Files larger than this are generated or vendored code; they are reported as skipped. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** What one parse of a file gives: its imports, the facts of the collectors that apply to it, its suppressions. */
export interface ParsedFile {
  extract: ExtractResult;
  /** Collector id → facts. */
  semantic: Map<string, unknown>;
  /** Line → rules suppressed on it by a `foundations-ignore` comment with a reason. */
  suppressions: Map<number, Set<string>>;
}

/**
 * Parses a file once for its imports and the facts of `collectors`. Pure: it runs on the main
 * thread or in a parse worker, with the same result.
 */
export function parseFile(file: string, text: string, collectors: readonly FactCollector[]): ParsedFile {
  return parseBuffer(file, text, collectors).parsed;
}

/**
 * parseFile for an editor buffer: parsed incrementally from its `previous` tree when there is one,
 * and its tree returned for the next edit.
 */
export function parseBuffer(file: string, text: string, collectors: readonly FactCollector[], previous?: SourceFile): { parsed: ParsedFile; tree?: SourceFile } {
  const semantic = new Map<string, unknown>();
  const problem = skipReason(text);
  if (problem) return { parsed: { extract: { imports: [], syntaxErrors: 0, failure: problem }, semantic, suppressions: new Map() } };
  let sf;
  let extract: ExtractResult;
  try {
    sf = previous ? reparseSourceFile(previous, text) : parseSourceFile(file, text);
    extract = extractImportsFrom(sf);
  } catch (err) {
    // TypeScript's parser recurses once per nesting level: thousands of nested brackets overflow the stack.
    const failure = err instanceof RangeError ? `it is nested too deeply to parse (${err.message})` : `the parser failed: ${(err as Error).message}`;
    return { parsed: { extract: { imports: [], syntaxErrors: 0, failure }, semantic, suppressions: findSuppressions(text) } };
  }
  for (const collector of collectors) semantic.set(collector.id, collectSafely(collector, sf));
  return { parsed: { extract, semantic, suppressions: findSuppressions(text) }, tree: sf };
}

/** A collector that throws on an odd file yields no facts for it, and costs nothing else. */
function collectSafely<T>(collector: FactCollector<T>, sf: import('typescript').SourceFile): T | undefined {
  try {
    return collector.collect(sf);
  } catch {
    return undefined;
  }
}

function skipReason(text: string): string | undefined {
  if (text.length > MAX_FILE_BYTES) return `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (generated code?)`;
  if (text.slice(0, 8000).includes('\u0000')) return 'it is binary, not source text';
  return undefined;
}
