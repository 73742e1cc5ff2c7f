import * as path from 'node:path';

/** `./core/pricing` style: from a file to another, without a TypeScript extension; `.js` kept for ESM-style code. */
export function relativeSpecifier(fromFile: string, toFile: string, keepJsExtension: boolean): string {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const stem = rel.replace(/\.(tsx?|mts|cts|jsx?|mjs|cjs)$/, '');
  if (!keepJsExtension) return stem;
  const ext = path.posix.extname(toFile);
  const jsExt = ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext.startsWith('.ts') ? '.js' : ext;
  return stem + jsExt;
}

/** Whether a specifier names a file with a runtime extension (`./x.js`), the ESM way. */
export function usesJsExtension(specifier: string): boolean {
  return /\.(m|c)?js$/.test(specifier);
}
