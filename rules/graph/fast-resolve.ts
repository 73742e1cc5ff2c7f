import * as path from 'node:path';
// A plain require: esbuild's namespace-import getters make every `ts.x` on the hot path a call.
import ts = require('typescript');

// TypeScript's internal `Extensions` bits: which kinds of file one resolution pass may answer with.
const TYPESCRIPT = 1;
const JAVASCRIPT = 2;
const DECLARATION = 4;

type Substitutes = readonly (readonly [kind: number, extension: string])[];

const LIKE_TS: Substitutes = [[TYPESCRIPT, '.ts'], [TYPESCRIPT, '.tsx'], [DECLARATION, '.d.ts'], [JAVASCRIPT, '.js'], [JAVASCRIPT, '.jsx']];
const LIKE_TSX: Substitutes = [[TYPESCRIPT, '.tsx'], [TYPESCRIPT, '.ts'], [DECLARATION, '.d.ts'], [JAVASCRIPT, '.jsx'], [JAVASCRIPT, '.js']];
const LIKE_MTS: Substitutes = [[TYPESCRIPT, '.mts'], [DECLARATION, '.d.mts'], [JAVASCRIPT, '.mjs']];
const LIKE_CTS: Substitutes = [[TYPESCRIPT, '.cts'], [DECLARATION, '.d.cts'], [JAVASCRIPT, '.cjs']];

/** The files TypeScript tries, in its order, for a specifier written with this extension (`tryAddingExtensions`). */
const SUBSTITUTES = new Map<string, Substitutes>([
  ['', LIKE_TS],
  ['.ts', LIKE_TS],
  ['.d.ts', LIKE_TS],
  ['.js', LIKE_TS],
  ['.tsx', LIKE_TSX],
  ['.jsx', LIKE_TSX],
  ['.mts', LIKE_MTS],
  ['.d.mts', LIKE_MTS],
  ['.mjs', LIKE_MTS],
  ['.cts', LIKE_CTS],
  ['.d.cts', LIKE_CTS],
  ['.cjs', LIKE_CTS],
]);

/** The extensions TypeScript recognises and strips, longest first where one ends another (`extensionsToRemove`). */
const KNOWN_EXTENSIONS = ['.d.ts', '.d.mts', '.d.cts', '.mjs', '.mts', '.cjs', '.cts', '.ts', '.js', '.tsx', '.jsx', '.json'];

const RELATIVE = /^\.\.?($|\/)/;

const SUPPORTED_RESOLUTION = new Set([
  ts.ModuleResolutionKind.Node10,
  ts.ModuleResolutionKind.Node16,
  ts.ModuleResolutionKind.NodeNext,
  ts.ModuleResolutionKind.Bundler,
]);

/** "Not sure what TypeScript would answer": the caller asks TypeScript. Distinct from `undefined`, "no file here, go on". */
const UNSURE = Symbol('unsure');
type Probe = string | undefined | typeof UNSURE;

/** `paths` split the way TypeScript reads it: exact keys, and keys with one `*` (a key with two is ignored). */
interface PathPatterns {
  exact: Set<string>;
  wildcards: { key: string; prefix: string; suffix: string }[];
}

function parsePathPatterns(paths: ts.MapLike<string[]>): PathPatterns {
  const patterns: PathPatterns = { exact: new Set(), wildcards: [] };
  for (const key of Object.keys(paths)) {
    const star = key.indexOf('*');
    if (star < 0) patterns.exact.add(key);
    else if (key.indexOf('*', star + 1) < 0) patterns.wildcards.push({ key, prefix: key.slice(0, star), suffix: key.slice(star + 1) });
  }
  return patterns;
}

/** The `paths` key TypeScript applies to a specifier, and what its `*` stands for (`matchPatternOrExact`: exact key, else the longest prefix). */
function matchPathPattern(patterns: PathPatterns, specifier: string): { key: string; star?: string } | undefined {
  if (patterns.exact.has(specifier)) return { key: specifier };
  let best: PathPatterns['wildcards'][number] | undefined;
  for (const pattern of patterns.wildcards) {
    const { prefix, suffix } = pattern;
    if ((!best || prefix.length > best.prefix.length) && specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
      best = pattern;
    }
  }
  return best && { key: best.key, star: specifier.slice(best.prefix.length, specifier.length - best.suffix.length) };
}

/** Whether a specifier matches a key of `paths` as TypeScript matches them. */
export function matchesPathAlias(specifier: string, options: ts.CompilerOptions): boolean {
  return !!options.paths && matchPathPattern(parsePathPatterns(options.paths), specifier) !== undefined;
}

/** Backslashes and `C:`/URL-like names go through normalisations not reproduced here. */
function looksPosix(name: string): boolean {
  return !name.includes('\\') && !name.includes(':');
}

function knownExtensionOf(file: string): string | undefined {
  return KNOWN_EXTENSIONS.find((ext) => file.length > ext.length && file.endsWith(ext));
}

/**
 * TypeScript's module resolution, for the specifiers whose answer is a path in the workspace:
 * relative ones, and those `paths` or `baseUrl` map. It walks the candidates in the order of
 * TypeScript's own loader (`nodeLoadModuleByRelativeName`, `loadModuleFromFile`,
 * `tryAddingExtensions`, `tryLoadModuleUsingPaths`) and asks `exists` about each, so it gives
 * the `resolvedFileName` TypeScript would give, or `undefined` where it cannot be sure — then
 * TypeScript must be asked. It never reads a package.json, nor looks into node_modules, nor
 * knows resolution modes: wherever they could matter, TypeScript answers.
 */
export class FastModuleResolution {
  /** Extension sets of TypeScript's passes: node10 tries TypeScript files everywhere before JavaScript; the others try all in one. */
  private readonly passes: number[];
  private readonly pathPatterns: PathPatterns | undefined;
  private readonly pathsBase: string;

  /** undefined when these options resolve in ways this does not reproduce. */
  static for(options: ts.CompilerOptions, currentDirectory: string, exists: (file: string) => boolean): FastModuleResolution | undefined {
    if (options.moduleResolution === undefined || !SUPPORTED_RESOLUTION.has(options.moduleResolution)) return undefined;
    // Every probe would also try each suffix: not worth reproducing.
    if (options.moduleSuffixes?.length) return undefined;
    return new FastModuleResolution(options, currentDirectory, exists);
  }

  private constructor(
    private readonly options: ts.CompilerOptions,
    currentDirectory: string,
    private readonly exists: (file: string) => boolean,
  ) {
    const all = options.noDtsResolution ? TYPESCRIPT | JAVASCRIPT : TYPESCRIPT | JAVASCRIPT | DECLARATION;
    const typesFirst = all & (TYPESCRIPT | DECLARATION);
    this.passes = options.moduleResolution === ts.ModuleResolutionKind.Node10 ? [typesFirst, all & ~typesFirst] : [all];
    this.pathPatterns = options.paths && parsePathPatterns(options.paths);
    // As getPathsBasePath: `pathsBasePath` is where the tsconfig that set `paths` lies (set by the config parser).
    this.pathsBase = options.baseUrl ?? ((options.pathsBasePath as string | undefined) || currentDirectory);
  }

  /**
   * The file TypeScript resolves `specifier` to from `containingDirectory` — without a
   * resolution mode, as the resolver asks, so node16/nodenext resolve in CommonJS mode and
   * probe like bundler — or undefined when unsure.
   */
  resolve(specifier: string, containingDirectory: string): string | undefined {
    if (!looksPosix(specifier)) return undefined;
    let found: Probe = UNSURE;
    if (RELATIVE.test(specifier)) {
      // rootDirs makes TypeScript try the specifier under every root first.
      if (!this.options.rootDirs) found = this.relative(specifier, containingDirectory);
    } else if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
      found = this.mapped(specifier);
    }
    // A file under node_modules makes TypeScript read the package's package.json and, reached through `paths`, follow symlinks.
    return typeof found === 'string' && !found.includes('/node_modules/') ? found : undefined;
  }

  private relative(specifier: string, containingDirectory: string): Probe {
    const last = specifier.slice(specifier.lastIndexOf('/') + 1);
    // `.`, `..` and a trailing slash name a folder: TypeScript skips the file candidates (normalizePathForCJSResolution).
    const folderOnly = last === '' || last === '.' || last === '..';
    const candidate = path.posix.normalize(`${containingDirectory}/${specifier}`);
    for (const extensions of this.passes) {
      const found = this.load(extensions, candidate, folderOnly);
      if (found !== undefined) return found;
    }
    // Nothing there: a broken import, rare enough to leave to TypeScript.
    return UNSURE;
  }

  /**
   * A non-relative specifier through `paths`, else `baseUrl`. Only TypeScript's first pass is
   * reproduced: after a miss there, TypeScript goes on to node_modules before any other pass.
   */
  private mapped(specifier: string): Probe {
    const extensions = this.passes[0];
    const match = this.pathPatterns && matchPathPattern(this.pathPatterns, specifier);
    if (match) {
      const substitutions: unknown = this.options.paths![match.key];
      if (!Array.isArray(substitutions)) return UNSURE;
      for (const substitution of substitutions) {
        if (typeof substitution !== 'string' || substitution === '' || !looksPosix(substitution)) return UNSURE;
        // String.replace, as TypeScript's replaceFirstStar (so `$` in the specifier means the same).
        const target = match.star === undefined ? substitution : substitution.replace('*', match.star);
        const candidate = this.under(this.pathsBase, target);
        // A substitution with an extension names a file outright.
        if (knownExtensionOf(substitution) && this.exists(candidate)) return candidate;
        const found = this.load(extensions, candidate, candidate.endsWith('/'));
        if (found !== undefined) return found;
      }
      // A matched key that found nothing does not fall back to baseUrl; TypeScript goes on to node_modules.
      return UNSURE;
    }
    if (!this.options.baseUrl) return UNSURE;
    const candidate = this.under(this.options.baseUrl, specifier);
    return this.load(extensions, candidate, candidate.endsWith('/')) ?? UNSURE;
  }

  /** normalizePath(combinePaths(base, relative)). */
  private under(base: string, relative: string): string {
    return path.posix.normalize(relative.startsWith('/') ? relative : `${base}/${relative}`);
  }

  /** nodeLoadModuleByRelativeName: the candidate as a file, then as a folder. */
  private load(extensions: number, candidate: string, folderOnly: boolean): Probe {
    const folder = candidate.endsWith('/') ? candidate.slice(0, -1) : candidate;
    if (!folder) return UNSURE;
    if (!folderOnly) {
      const file = this.loadFile(extensions, folder);
      if (file !== undefined) return file;
    }
    // A package.json's types/main/exports would come before the index.
    if (this.exists(`${folder}/package.json`)) return UNSURE;
    return this.loadFile(extensions, `${folder}/index`);
  }

  /** loadModuleFromFile: the extension written replaced by its substitutes, then extensions added to the whole name. */
  private loadFile(extensions: number, candidate: string): Probe {
    if (candidate.slice(candidate.lastIndexOf('/') + 1).includes('.')) {
      const extension = knownExtensionOf(candidate) ?? candidate.slice(candidate.lastIndexOf('.'));
      // JSON resolves only when resolveJsonModule is on, and never to a source file: leave it to TypeScript.
      if (extension === '.json') return UNSURE;
      const replaced = this.tryExtensions(extensions, candidate.slice(0, -extension.length), extension);
      if (replaced !== undefined) return replaced;
    }
    return this.tryExtensions(extensions, candidate, '');
  }

  private tryExtensions(extensions: number, stem: string, written: string): string | undefined {
    // Any other extension (`.css`, `.service`…) is tried only as a declaration for it, `x.d.css.ts` (TypeScript's default case).
    const substitutes = SUBSTITUTES.get(written) ?? [[DECLARATION, `.d${written}.ts`]];
    for (const [kind, extension] of substitutes) {
      if (extensions & kind && this.exists(stem + extension)) return stem + extension;
    }
    return undefined;
  }
}
