import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ts = require('typescript');
import { extractImports } from '../graph/extract-imports';
import { FastModuleResolution } from '../graph/fast-resolve';
import { type ResolvedTarget, Resolver } from '../graph/resolver';
import { createNodeHost, normalizePath } from '../host';
import { discoverSourceFiles } from '../workspace/discover-files';
import { FIXTURES, REPO_ROOT, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

interface Comparison {
  imports: number;
  /** Imports the fast path answered without TypeScript. */
  answered: number;
  /** Where the resolver with the fast path, or the fast path's raw answer, differs from TypeScript alone. */
  differences: string[];
  /** Raw fast-path answer by `from\0specifier` (undefined: left to TypeScript). */
  fastAnswers: Map<string, string | undefined>;
  targets: Map<string, ResolvedTarget>;
}

/**
 * Resolves every import of every source file twice, with the fast path and with TypeScript
 * alone, and also checks each raw fast-path answer against ts.resolveModuleName.
 */
function compareWithTypeScript(root: string): Comparison {
  const host = createNodeHost({ trusted: false });
  const files = discoverSourceFiles(host, root, () => false);
  const known = new Set(files);
  const withFastPath = new Resolver(host, root);
  withFastPath.setKnownFiles(files);
  const typescriptOnly = new Resolver(host, root, { fastPath: false });
  const moduleHost: ts.ModuleResolutionHost = {
    fileExists: (f) => host.fileExists(f),
    readFile: (f) => host.readFile(f),
    directoryExists: (d) => host.directoryExists(d),
    realpath: (f) => host.realpath(f),
    getCurrentDirectory: () => root,
  };
  const fastOf = new Map<ts.CompilerOptions, FastModuleResolution | undefined>();
  const comparison: Comparison = { imports: 0, answered: 0, differences: [], fastAnswers: new Map(), targets: new Map() };
  for (const file of files) {
    const rel = file.slice(root.length + 1);
    for (const { specifier } of extractImports(file, host.readFile(file) ?? '').imports) {
      comparison.imports++;
      const expected = typescriptOnly.resolve(specifier, file);
      const actual = withFastPath.resolve(specifier, file);
      comparison.targets.set(`${rel}\0${specifier}`, actual);
      if (!isDeepStrictEqual(actual, expected)) {
        comparison.differences.push(`${rel} '${specifier}': ${JSON.stringify(actual)}, TypeScript alone: ${JSON.stringify(expected)}`);
      }
      const options = typescriptOnly.compilerOptionsFor(file);
      if (!fastOf.has(options)) fastOf.set(options, FastModuleResolution.for(options, root, (f) => known.has(f) || host.fileExists(f)));
      const answer = fastOf.get(options)?.resolve(specifier, path.posix.dirname(file));
      comparison.fastAnswers.set(`${rel}\0${specifier}`, answer);
      if (answer === undefined) continue;
      comparison.answered++;
      const typescriptAnswer = ts.resolveModuleName(specifier, file, options, moduleHost).resolvedModule?.resolvedFileName;
      if (answer !== typescriptAnswer) comparison.differences.push(`${rel} '${specifier}': fast path ${answer}, ts.resolveModuleName ${typescriptAnswer}`);
    }
  }
  return comparison;
}

describe('fast module resolution: same answers as TypeScript', function () {
  this.timeout(120000);

  describe('every import of every fixture workspace', () => {
    const fixtures = fs.readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const fixture of fixtures) {
      it(fixture.name, () => {
        const comparison = compareWithTypeScript(`${FIXTURES}/${fixture.name}`);
        assert.deepEqual(comparison.differences, []);
      });
    }
  });

  it('every import of a generated 1,000-file monolith, most answered without TypeScript', () => {
    const root = normalizePath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-fast-resolve-'))));
    try {
      execFileSync(process.execPath, [`${REPO_ROOT}/bench/generate-monolith.mjs`, root, '--files', '1000', '--seed', '1'], { stdio: 'ignore' });
      const comparison = compareWithTypeScript(root);
      assert.deepEqual(comparison.differences, []);
      assert.ok(comparison.imports > 3000, `${comparison.imports} imports`);
      // Bare package names are the rest: they go to TypeScript (once per lookup scope).
      assert.ok(comparison.answered / comparison.imports > 0.85, `${comparison.answered} of ${comparison.imports} answered`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  /** `file:<path>`, `external:<name>`, `unresolved`… and whether the fast path answered or left it to TypeScript. */
  type Expectation = [from: string, specifier: string, target: string, by: 'fast path' | 'TypeScript'];

  function checkCase(files: Record<string, string>, expectations: Expectation[], prepare?: (root: string) => void): void {
    const withImports = { ...files };
    for (const [from, specifier] of expectations) withImports[from] = `${withImports[from] ?? ''}import '${specifier}';\n`;
    const root = writeWorkspace(withImports);
    try {
      prepare?.(root);
      const comparison = compareWithTypeScript(root);
      assert.deepEqual(comparison.differences, []);
      const seen = expectations.map(([from, specifier]): Expectation => {
        const key = `${from}\0${specifier}`;
        const target = comparison.targets.get(key);
        const shown = target?.kind === 'file' ? `file:${target.file.slice(root.length + 1)}` : target?.kind === 'external' ? `external:${target.packageName}` : String(target?.kind);
        return [from, specifier, shown, comparison.fastAnswers.get(key) === undefined ? 'TypeScript' : 'fast path'];
      });
      assert.deepEqual(seen, expectations);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }

  const bundler = JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } });

  it('extension substitution: .js means .ts, .jsx .tsx, .mjs .mts, .cjs .cts', () => {
    checkCase(
      { 'tsconfig.json': bundler, 'src/b.ts': '', 'src/view.tsx': '', 'src/m.mts': '', 'src/c.cts': '', 'src/plain.js': '', 'src/legacy.jsx': '', 'src/both.ts': '', 'src/both.tsx': '' },
      [
        ['src/a.ts', './both', 'file:src/both.ts', 'fast path'],
        ['src/a.ts', './both.jsx', 'file:src/both.tsx', 'fast path'],
        ['src/a.ts', './b.js', 'file:src/b.ts', 'fast path'],
        ['src/a.ts', './b', 'file:src/b.ts', 'fast path'],
        ['src/a.ts', './b.ts', 'file:src/b.ts', 'fast path'],
        ['src/a.ts', './view.jsx', 'file:src/view.tsx', 'fast path'],
        ['src/a.ts', './view.js', 'file:src/view.tsx', 'fast path'],
        ['src/a.ts', './m.mjs', 'file:src/m.mts', 'fast path'],
        ['src/a.ts', './c.cjs', 'file:src/c.cts', 'fast path'],
        ['src/a.ts', './plain', 'file:src/plain.js', 'fast path'],
        ['src/a.ts', './legacy.js', 'file:src/legacy.jsx', 'fast path'],
        ['src/a.ts', './missing', 'unresolved', 'TypeScript'],
      ],
    );
  });

  it('foo.ts before foo/index.ts; a folder, `.` and `..` mean its index', () => {
    checkCase(
      { 'tsconfig.json': bundler, 'src/index.ts': '', 'src/foo.ts': '', 'src/foo/index.ts': '', 'src/bar/index.tsx': '' },
      [
        ['src/a.ts', './foo', 'file:src/foo.ts', 'fast path'],
        ['src/a.ts', './foo/', 'file:src/foo/index.ts', 'fast path'],
        ['src/a.ts', './foo/index.js', 'file:src/foo/index.ts', 'fast path'],
        ['src/a.ts', './bar', 'file:src/bar/index.tsx', 'fast path'],
        ['src/foo/inner.ts', '.', 'file:src/foo/index.ts', 'fast path'],
        ['src/foo/inner.ts', '..', 'file:src/index.ts', 'fast path'],
        ['src/foo/inner.ts', '../foo', 'file:src/foo.ts', 'fast path'],
      ],
    );
  });

  it('bundler takes x.js before x/index.ts; node10 takes TypeScript files anywhere first', () => {
    checkCase(
      {
        'tsconfig.json': bundler,
        'src/x.js': '',
        'src/x/index.ts': '',
        'legacy/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node10' } }),
        'legacy/x.js': '',
        'legacy/x/index.ts': '',
        'legacy/only.js': '',
      },
      [
        ['src/a.ts', './x', 'file:src/x.js', 'fast path'],
        ['legacy/a.ts', './x', 'file:legacy/x/index.ts', 'fast path'],
        ['legacy/a.ts', './only', 'file:legacy/only.js', 'fast path'],
      ],
    );
  });

  it('a gitignored foo.ts still wins over a discovered foo/index.ts, as for TypeScript', () => {
    checkCase({ 'tsconfig.json': bundler, '.gitignore': 'src/foo.ts\n', 'src/foo.ts': '', 'src/foo/index.ts': '' }, [['src/a.ts', './foo', 'file:src/foo.ts', 'fast path']], (root) => {
      assert.ok(!discoverSourceFiles(createNodeHost({ trusted: false }), root, () => false).includes(`${root}/src/foo.ts`), 'foo.ts is not discovered');
    });
  });

  it('a declaration, or a declaration for another extension, wins as it does for TypeScript', () => {
    checkCase(
      { 'tsconfig.json': bundler, 'src/lib.js': '', 'src/lib.d.ts': '', 'src/styles.d.css.ts': '', 'src/user.service.ts': '' },
      [
        ['src/a.ts', './lib', 'unresolved', 'fast path'],
        // A declaration for another extension counts as a source file (isWorkspaceSource), with or without the fast path.
        ['src/a.ts', './styles.css', 'file:src/styles.d.css.ts', 'fast path'],
        ['src/a.ts', './user.service', 'file:src/user.service.ts', 'fast path'],
      ],
    );
  });

  it('paths: exact keys, several targets, `*`, the longest prefix, a target with an extension', () => {
    const paths = { '@lib/*': ['generated/*', 'src/lib/*'], '@lib/special/*': ['src/special/*'], '@config': ['src/config/index.ts'], '@legacy': ['src/legacy.js'] };
    checkCase(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', paths } }),
        'src/lib/x.ts': '',
        'generated/y.ts': '',
        'src/special/z.ts': '',
        'src/config/index.ts': '',
        'src/legacy.js': '',
        'src/legacy.ts': '',
      },
      [
        ['src/a.ts', '@lib/x', 'file:src/lib/x.ts', 'fast path'],
        ['src/a.ts', '@lib/y', 'file:generated/y.ts', 'fast path'],
        ['src/a.ts', '@lib/special/z', 'file:src/special/z.ts', 'fast path'],
        ['src/a.ts', '@config', 'file:src/config/index.ts', 'fast path'],
        // A target with an extension is taken as written before any substitution.
        ['src/a.ts', '@legacy', 'file:src/legacy.js', 'fast path'],
        ['src/a.ts', '@lib/missing', 'unresolved', 'TypeScript'],
      ],
    );
  });

  it('baseUrl alone', () => {
    checkCase(
      { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', baseUrl: 'src' } }), 'src/utils/x.ts': '' },
      [
        ['src/a.ts', 'utils/x', 'file:src/utils/x.ts', 'fast path'],
        ['src/a.ts', 'react', 'external:react', 'TypeScript'],
      ],
    );
  });

  it('a folder with a package.json is left to TypeScript', () => {
    checkCase({ 'tsconfig.json': bundler, 'src/lib/package.json': JSON.stringify({ main: 'main.ts' }), 'src/lib/main.ts': '', 'src/lib/index.ts': '' }, [
      ['src/a.ts', './lib', 'file:src/lib/main.ts', 'TypeScript'],
    ]);
  });

  it('node16 and nodenext, asked without a resolution mode, resolve like CommonJS', () => {
    checkCase(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16' } }),
        'src/x.ts': '',
        'src/dir/index.ts': '',
        'next/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }),
        'next/m.mts': '',
        'next/dir/index.ts': '',
      },
      [
        ['src/a.ts', './x.js', 'file:src/x.ts', 'fast path'],
        ['src/a.ts', './dir', 'file:src/dir/index.ts', 'fast path'],
        ['next/a.mts', './m.mjs', 'file:next/m.mts', 'fast path'],
        ['next/a.mts', './dir', 'file:next/dir/index.ts', 'fast path'],
      ],
    );
  });

  it('a jsconfig project', () => {
    checkCase({ 'jsconfig.json': JSON.stringify({ compilerOptions: { paths: { '~/*': ['./src/*'] } } }), 'src/util.js': '', 'src/ui/button.jsx': '' }, [
      ['src/a.js', '~/util', 'file:src/util.js', 'fast path'],
      ['src/a.js', './util', 'file:src/util.js', 'fast path'],
      ['src/a.js', '~/ui/button', 'file:src/ui/button.jsx', 'fast path'],
    ]);
  });

  it('rootDirs and moduleSuffixes are left to TypeScript', () => {
    checkCase(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', module: 'esnext', rootDirs: ['src', 'generated'] } }),
        'generated/b.ts': '',
        'native/tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', module: 'esnext', moduleSuffixes: ['.ios', ''] } }),
        'native/x.ios.ts': '',
      },
      [
        ['src/a.ts', './b', 'file:generated/b.ts', 'TypeScript'],
        ['native/a.ts', './x', 'file:native/x.ios.ts', 'TypeScript'],
      ],
    );
  });

  it('a symbolic link to a file resolves to the link, as for TypeScript', () => {
    checkCase({ 'tsconfig.json': bundler, 'src/real.ts': '' }, [['src/a.ts', './link', 'file:src/link.ts', 'fast path']], (root) => fs.symlinkSync(`${root}/src/real.ts`, `${root}/src/link.ts`));
  });

  it('a bare name is shared only between folders with the same package.json and node_modules above them', () => {
    checkCase(
      {
        'libs/shared/package.json': JSON.stringify({ name: 'shared-lib', types: 'index.ts' }),
        'libs/shared/index.ts': '',
        'pkg/package.json': JSON.stringify({ name: 'selfy', exports: { '.': './src/index.ts' } }),
        'pkg/src/index.ts': '',
      },
      [
        ['apps/api/b.ts', 'shared-lib', 'external:shared-lib', 'TypeScript'],
        ['apps/api/b.ts', 'selfy', 'external:selfy', 'TypeScript'],
        ['apps/web/a.ts', 'shared-lib', 'file:libs/shared/index.ts', 'TypeScript'],
        ['pkg/src/use.ts', 'selfy', 'file:pkg/src/index.ts', 'TypeScript'],
      ],
      (root) => {
        fs.mkdirSync(`${root}/apps/web/node_modules`);
        fs.symlinkSync(`${root}/libs/shared`, `${root}/apps/web/node_modules/shared-lib`);
      },
    );
  });

  it('after files vanish or appear, the session resolves against the disk as it is', async () => {
    const root = writeWorkspace({ 'tsconfig.json': bundler, 'src/foo.ts': '', 'src/foo/index.ts': '', 'src/a.ts': "import './foo';\nimport './bar';\n" });
    try {
      const session = await scanned(root);
      const targets = () => session.importGraph.importsOf(`${root}/src/a.ts`).map((i) => (i.target.kind === 'file' ? i.target.file.slice(root.length + 1) : i.target.kind));
      assert.deepEqual(targets(), ['src/foo.ts', 'unresolved']);
      fs.rmSync(`${root}/src/foo.ts`);
      fs.writeFileSync(`${root}/src/bar.ts`, '');
      session.update([
        { type: 'disk', file: `${root}/src/foo.ts`, event: 'deleted' },
        { type: 'disk', file: `${root}/src/bar.ts`, event: 'created' },
      ]);
      assert.deepEqual(targets(), ['src/foo/index.ts', 'src/bar.ts']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
