import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COLLECTORS, ON_DEMAND_COLLECTORS } from '../checks';
import { type ParsedFile, parseBuffer, parseFile } from '../scan/parse-file';
import { FIXTURES } from './helpers';

/** Every source file of the fixtures whose rules read the most facts. */
function seeds(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(full);
      else if (/\.(tsx?|jsx?)$/.test(e.name)) files.push(full);
    }
  };
  for (const fixture of ['shared-state-corpus', 'logic-corpus', 'routes-express', 'routes-nestjs', 'shop']) walk(path.join(FIXTURES, fixture));
  return files.sort();
}

/** A deterministic stream of numbers in [0, 1) (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Typing, deleting, pasting a line, breaking and mending syntax: what happens to a buffer between two parses. */
const SNIPPETS = ['x', ';', '}', '{', '(', ')', '\n', "import { a } from './a';\n", 'export let counter = 0;\n', 'cart.push(item);\n', '/* ', ' */', '`', '"', 'router.get("/v1/x", h);\n'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.4 && text.length > 0) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
}

/**
 * The parse, with its count of syntax errors reduced to whether there are any: TypeScript's
 * incremental parser recovers from some errors in fewer steps, and the engine only asks whether
 * a file has errors (then it also scans the text for imports the parser lost).
 */
function comparable(parsed: ParsedFile): ParsedFile {
  return { ...parsed, extract: { ...parsed.extract, syntaxErrors: Math.sign(parsed.extract.syntaxErrors) } };
}

describe('engine: incremental parse of editor buffers', () => {
  it('gives the same imports, facts and suppressions as a full parse, edit after edit', () => {
    const collectors = [...COLLECTORS.values(), ...ON_DEMAND_COLLECTORS];
    let edits = 0;
    for (const [i, file] of seeds().entries()) {
      const next = random(i + 1);
      let text = fs.readFileSync(file, 'utf8');
      let tree = parseBuffer(file, text, collectors).tree;
      for (let n = 0; n < 25; n++) {
        text = edit(text, next);
        const incremental = parseBuffer(file, text, collectors, tree);
        assert.deepEqual(comparable(incremental.parsed), comparable(parseFile(file, text, collectors)), `${path.relative(FIXTURES, file)} after edit ${n + 1}`);
        tree = incremental.tree;
        edits++;
      }
    }
    assert.ok(edits > 500, `${edits} edits compared`);
  });
});
