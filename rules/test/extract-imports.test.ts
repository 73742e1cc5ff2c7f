import * as assert from 'node:assert/strict';
import { extractImports } from '../graph/extract-imports';

describe('engine: import extraction with the TypeScript parser', () => {
  const kinds = (file: string, text: string) => extractImports(file, text).imports.map((i) => `${i.kind}${i.typeOnly ? '(type)' : ''} ${i.specifier}`);

  it('finds every kind of module reference', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C, d } from './cd';",
      "export * from './e';",
      "export type { F } from './f';",
      "import g = require('./g');",
      "import './side-effect';",
      'const h = await import("./h");',
      "const i = require('./i');",
      "type J = typeof import('./j');",
      'const k = import(`./k`);',
    ].join('\n');
    assert.deepEqual(kinds('x.ts', text), [
      'import ./a',
      'import(type) ./b',
      'import ./cd',
      'export ./e',
      'export(type) ./f',
      'import-equals ./g',
      'import ./side-effect',
      'dynamic ./h',
      'require ./i',
      'import-type(type) ./j',
      'dynamic ./k',
    ]);
  });

  it('ignores imports in comments, strings and computed specifiers', () => {
    const text = "// import x from './comment';\nconst s = \"require('./string')\";\nconst name = './computed';\nrequire(name);\nimport(name);\n";
    assert.deepEqual(kinds('x.js', text), []);
  });

  it('gives the range of the specifier, quotes included', () => {
    const [imp] = extractImports('x.ts', "\n  import { a } from './a';").imports;
    assert.deepEqual(imp.range, { start: { line: 1, character: 20 }, end: { line: 1, character: 25 } });
    assert.deepEqual(imp.names, ['a']);
  });

  it('reads the imports a broken file still has, and counts its syntax errors', () => {
    const result = extractImports('x.ts', "import { a } from './a';\nfunction (: {\nimport { b } from './b';\n");
    assert.deepEqual(result.imports.map((i) => i.specifier), ['./a', './b']);
    assert.ok(result.syntaxErrors > 0);
  });

  it('survives deeply nested expressions without overflowing the stack', () => {
    const depth = 20000;
    const text = `const x = ${'('.repeat(depth)}require('./deep')${')'.repeat(depth)};`;
    const result = extractImports('x.js', text);
    assert.ok(result.failure !== undefined || result.imports.length === 1);
  });

  it('parses JSX in .tsx and .jsx files', () => {
    assert.deepEqual(kinds('x.tsx', "import { B } from './b';\nexport const A = () => <B prop={1} />;"), ['import ./b']);
    assert.deepEqual(kinds('x.jsx', "import B from './b';\nexport const A = () => <B />;"), ['import ./b']);
  });
});
