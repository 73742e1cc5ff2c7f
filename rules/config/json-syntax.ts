import * as jsonc from 'jsonc-parser';
import type { LineIndex } from '../text/line-index';
import type { ConfigDiagnostic } from './config';

/**
 * The syntax errors of a JSON file we read (foundations.json, the debt register), in words. The
 * parser reports every expectation that fails at a point ("value expected", then "close bracket
 * expected", then "close brace expected" for one cut-off file): the first says what is wrong there.
 */
export function jsonSyntaxDiagnostics(name: string, errors: readonly jsonc.ParseError[], lines: LineIndex): ConfigDiagnostic[] {
  const seen = new Set<number>();
  const out: ConfigDiagnostic[] = [];
  for (const e of errors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    out.push({ severity: 'error', message: `${name} is not valid JSON: ${describeParseError(e.error)}.`, path: [], range: lines.rangeOf(e.offset, e.offset + Math.max(e.length, 1)) });
  }
  return out;
}

function describeParseError(code: jsonc.ParseErrorCode): string {
  // "InvalidSymbol" → "invalid symbol"
  return jsonc.printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
