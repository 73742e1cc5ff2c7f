import type { ProjectContext } from './project-check';
import { isTestFile } from './project-check';

export interface TestReachOptions {
  /** How many imports deep inside the imported domain a test still "reaches" a file. */
  depth: number;
  /** Only follow re-exports (`export … from`) past the first hop: a barrel, not the whole domain. */
  reExportsOnly?: boolean;
  /** Which test files count (e.g. only contract tests). */
  acceptTest?: (relative: string, ctx: ProjectContext) => boolean;
}

/** Every test file of the workspace (excluded folders too), workspace-relative. */
export function testFiles(ctx: ProjectContext): string[] {
  return ctx.allSourceFiles().map((f) => ctx.relative(f)).filter(isTestFile);
}

/**
 * Which non-test files the tests reach: a test reaches what it imports, and from there what that
 * file imports inside the same domain (a public API barrel leads to the core behind it), up to
 * `depth` imports. Returns file → the tests that reach it (absolute paths in, relative tests out).
 */
export function filesReachedByTests(ctx: ProjectContext, options: TestReachOptions): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  for (const test of testFiles(ctx)) {
    if (options.acceptTest && !options.acceptTest(test, ctx)) continue;
    const testFile = `${ctx.root}/${test}`;
    const seen = new Set<string>();
    for (const imp of ctx.importsOf(testFile)) {
      // A type is no behaviour: importing one tests nothing.
      if (imp.target.kind !== 'file' || imp.typeOnly) continue;
      const start = imp.target.file;
      const domain = ctx.model.membership(start).domain;
      const queue: [string, number][] = [[start, 0]];
      while (queue.length > 0) {
        const [file, depth] = queue.shift()!;
        if (seen.has(file)) continue;
        seen.add(file);
        if (!isTestFile(ctx.relative(file))) {
          const tests = reached.get(file) ?? [];
          if (!tests.includes(test)) tests.push(test);
          reached.set(file, tests);
        }
        if (depth >= options.depth || !domain) continue;
        for (const next of ctx.importsOf(file)) {
          if (next.target.kind !== 'file' || next.typeOnly || (options.reExportsOnly && next.kind !== 'export')) continue;
          if (ctx.model.membership(next.target.file).domain !== domain) continue;
          queue.push([next.target.file, depth + 1]);
        }
      }
    }
  }
  return reached;
}
