import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import * as jsonc from 'jsonc-parser';
import picomatch from 'picomatch';
import schema from '../../schema/foundations.schema.json';
import { dependencyCruiserRegexProblems } from '../depcruise/regex-safety';
import { type Host, stripBom } from '../host';
import { jsonSyntaxDiagnostics } from './json-syntax';
import { LineIndex } from '../text/line-index';
import { isConventionalTestFile } from '../workspace/test-files';
import {
  type Config,
  type ConfigDiagnostic,
  type DomainSpec,
  type LayerSpec,
  type RuleSetting,
  createPackageMatcher,
} from './config';
import {
  CONFIG_FILE_NAME,
  DEFAULT_ADAPTER_ONLY_PACKAGES,
  DEFAULT_DATABASE_PACKAGES,
  DEFAULT_DEBT_FILE,
  DEFAULT_LAYER_DEPENDENCIES,
  DEFAULT_LAYERS,
  DEFAULT_PUBLIC_API,
} from './defaults';

export interface ConfigLoadResult {
  /** Undefined when the file has errors: callers keep their last good configuration. */
  config?: Config;
  diagnostics: ConfigDiagnostic[];
  /** Absolute path of the configuration file, if one exists. */
  file?: string;
}

const DEPENDENCY_CRUISER_CANDIDATES = [
  '.dependency-cruiser.js',
  '.dependency-cruiser.cjs',
  '.dependency-cruiser.mjs',
  '.dependency-cruiser.json',
];

let compiledValidator: ReturnType<Ajv['compile']> | undefined;
function validator(): ReturnType<Ajv['compile']> {
  // Compiled once per process: schema compilation costs more than every validation after it. The
  // schema is ours and a test checks it against its meta-schema: compiling that too at every start cost 25 ms.
  compiledValidator ??= new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false }).compile(schema);
  return compiledValidator;
}

/** Reads `foundations.json` at the root (or the given text, for unsaved buffers) into a Config. */
export function loadConfig(host: Host, root: string, text?: string): ConfigLoadResult {
  const file = `${root}/${CONFIG_FILE_NAME}`;
  const given = text ?? host.readFile(file);
  const source = given === undefined ? undefined : stripBom(given);
  if (source === undefined) {
    // A foundations.json that is there but cannot be read is no absent one: checking with no domains would pass anything.
    const problem = host.fileError?.(file);
    if (problem) {
      const why = problem === 'EISDIR' ? 'it is a folder, not a file' : `reading it failed (${problem})`;
      return { diagnostics: [{ severity: 'error', message: `${CONFIG_FILE_NAME} cannot be read: ${why}.`, path: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], file };
    }
    return { config: buildConfig(host, root, undefined, {}), diagnostics: [] };
  }
  const lines = new LineIndex(source);
  const diagnostics: ConfigDiagnostic[] = [];
  const parseErrors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(source, parseErrors, { allowTrailingComma: true, disallowComments: false });
  diagnostics.push(...jsonSyntaxDiagnostics(CONFIG_FILE_NAME, parseErrors, lines));
  if (!tree || parseErrors.length > 0) {
    if (!tree && parseErrors.length === 0) diagnostics.push({ severity: 'error', message: `${CONFIG_FILE_NAME} is empty.`, path: [], range: lines.rangeOf(0, 0) });
    return { diagnostics, file };
  }
  const value: unknown = jsonc.getNodeValue(tree);
  const locate = (p: (string | number)[], key = false) => rangeOfPath(tree, lines, p, key);
  diagnostics.push(...duplicateKeys(tree, lines));

  const validate = validator();
  const valid = validate(value);
  if (!valid) diagnostics.push(...schemaDiagnostics(validate.errors ?? [], locate));
  // Meaning is checked even when the shape is not, so one run shows every mistake, not the first kind.
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    diagnostics.push(...semanticDiagnostics(host, root, value as RawConfig, locate));
  }
  if (!valid || diagnostics.some((d) => d.severity === 'error')) return { diagnostics: sortByPosition(diagnostics), file };
  return { config: buildConfig(host, root, file, value as RawConfig), diagnostics, file };
}

/** Keys given twice in one object: JSON keeps the last one silently, and the first one's settings vanish. */
function duplicateKeys(tree: jsonc.Node, lines: LineIndex): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  const visit = (node: jsonc.Node, p: (string | number)[]) => {
    if (node.type === 'array') node.children?.forEach((child, i) => visit(child, [...p, i]));
    if (node.type !== 'object') return;
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        const where = p.length === 0 ? CONFIG_FILE_NAME : describeLocation(p);
        out.push({ severity: 'error', message: `Key "${name}" appears twice in ${where}; the second would silently replace the first.`, path: [...p, name], range: lines.rangeOf(key.offset, key.offset + key.length) });
      }
      seen.add(name);
      if (value) visit(value, [...p, name]);
    }
  };
  visit(tree, []);
  return out;
}

/** The range of a key's value in foundations.json's text (its opening brace for the root), for diagnostics found later. */
export function configRangeOf(text: string, p: (string | number)[]): ConfigDiagnostic['range'] {
  const source = stripBom(text);
  const tree = jsonc.parseTree(source, [], { allowTrailingComma: true });
  const lines = new LineIndex(source);
  return tree ? rangeOfPath(tree, lines, p, false) : lines.rangeOf(0, 0);
}

function sortByPosition(diagnostics: ConfigDiagnostic[]): ConfigDiagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const stringsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

interface RawDomain {
  path: string;
  publicApi?: '*' | string[];
  dependsOn?: string[];
  owners?: string[];
}

interface RawConfig {
  domains?: Record<string, RawDomain>;
  layers?: Record<string, string[]>;
  layerDependencies?: Record<string, string[]>;
  rules?: Record<string, string | [string, Record<string, unknown>?]>;
  adapterOnlyPackages?: string[];
  databasePackages?: string[];
  dependencyCruiser?: string;
  debt?: string;
  projectChecks?: Record<string, 'on' | 'off'>;
  sourceRoots?: string[];
  exclude?: string[];
  testFiles?: string[];
}

type Locate = (p: (string | number)[], key?: boolean) => ConfigDiagnostic['range'];

function rangeOfPath(tree: jsonc.Node, lines: LineIndex, p: (string | number)[], key: boolean) {
  // Walk up to the deepest existing node so a missing key still points somewhere useful.
  for (let depth = p.length; depth >= 0; depth--) {
    const node = jsonc.findNodeAtLocation(tree, p.slice(0, depth));
    if (!node) continue;
    const target = key && depth === p.length && node.parent?.type === 'property' ? node.parent.children![0] : node;
    // An object or array spans many lines; underline its opening only.
    const length = target.type === 'object' || target.type === 'array' ? 1 : target.length;
    return lines.rangeOf(target.offset, target.offset + length);
  }
  return lines.rangeOf(0, 0);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const SEVERITY_NAMES = schema.definitions.severity.enum;
const SEVERITIES = `${SEVERITY_NAMES.slice(0, -1).map((n) => `"${n}"`).join(', ')} or "${SEVERITY_NAMES[SEVERITY_NAMES.length - 1]}"`;

function schemaDiagnostics(errors: ErrorObject[], locate: Locate): ConfigDiagnostic[] {
  const result: ConfigDiagnostic[] = [];
  const seen = new Set<string>();
  // oneOf failures list every branch's complaint; keep one clear message per location instead.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    const p = pointerToPath(e.instancePath);
    const insideOneOf = [...oneOfPaths].some((o) => e.instancePath === o || e.instancePath.startsWith(o + '/'));
    if (insideOneOf && e.keyword !== 'oneOf') continue;
    let message: string;
    let at = p;
    let onKey = false;
    // A rule option's value, or an item of it: said once, at the option, as its schema words it.
    const option = p[0] === 'rules' && p[2] === 1 && p.length >= 4 ? optionSchemas[String(p[3])] : undefined;
    if (option) {
      at = p.slice(0, 4);
      message = `Option "${String(p[3])}" of rule "${String(p[1])}" ${option.errorMessage}.`;
    } else {
      switch (e.keyword) {
        case 'additionalProperties': {
          const extra = String(e.params.additionalProperty);
          at = [...p, extra];
          onKey = true;
          message = unknownKeyMessage(extra, p, e);
          break;
        }
        case 'required':
          message = `${describeLocation(p)} is missing the required key "${String(e.params.missingProperty)}".`;
          break;
        case 'type':
          message = `${describeLocation(p)} must be ${article(String(e.params.type))}.`;
          break;
        case 'enum':
          message = `${describeLocation(p)} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
          break;
        case 'oneOf':
          message = oneOfMessage(p, e.data);
          break;
        case 'propertyNames':
        case 'pattern':
          if (e.params.propertyName !== undefined) {
            at = [...p, String(e.params.propertyName)];
            onKey = true;
            message = `"${String(e.params.propertyName)}" is not a valid name here: start with a letter, a digit or "_", then use letters, digits, "_", "-" and ".".`;
          } else if (e.schemaPath.includes('/propertyNames/')) {
            continue; // the same mistake as the propertyNames error, said at the key
          } else {
            message = `${describeLocation(p)} ${e.message ?? 'is invalid'}.`;
          }
          break;
        case 'uniqueItems':
          message = `${describeLocation(p)} lists the same entry twice.`;
          break;
        case 'minLength':
          message = `${describeLocation(p)} must not be empty.`;
          break;
        default:
          message = `${describeLocation(p)} ${e.message ?? 'is invalid'}.`;
      }
    }
    const id = `${JSON.stringify(at)}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    result.push({ severity: 'error', message, path: at, range: locate(at, onKey) });
  }
  return result;
}

function oneOfMessage(p: (string | number)[], value: unknown): string {
  if (p[0] === 'rules') {
    const given = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
    // A known severity in a setting of the wrong shape (["error", {}, 3]): the shape is the mistake.
    if (given !== undefined && SEVERITY_NAMES.includes(given)) return `Rule "${String(p[1])}" must be ${SEVERITIES}, or [severity, { options }]: one severity, then at most one object of options.`;
    const guess = given === undefined ? undefined : closest(given, [...SEVERITY_NAMES]);
    const prefix = given === undefined ? `Rule "${String(p[1])}" must be` : `"${given}" is not a severity of rule "${String(p[1])}"${guess ? ` (did you mean "${guess}"?)` : ''}: use`;
    return `${prefix} ${SEVERITIES}, or [severity, { options }].`;
  }
  if (p[p.length - 1] === 'publicApi') return `"publicApi" must be "*" or a list of file globs relative to the domain path.`;
  return `${describeLocation(p)} has an invalid value.`;
}

/** The options rules take, as the schema describes them (VS Code shows the same `errorMessage`). */
const optionSchemas = schema.definitions.options as Record<string, { errorMessage: string }>;

function unknownKeyMessage(extra: string, p: (string | number)[], e: ErrorObject): string {
  const known = knownKeys(e.parentSchema as Record<string, unknown> | undefined);
  const guess = closest(extra, known);
  const where = p.length === 0 ? CONFIG_FILE_NAME : describeLocation(p);
  if (p[0] === 'rules' && p[2] === 1) {
    const takes = known.length === 0 ? 'it takes none' : `it takes ${known.map((o) => `"${o}"`).join(', ')}`;
    return `Rule "${String(p[1])}" has no option "${extra}"${guess ? ` (did you mean "${guess}"?)` : ''}: ${takes}.`;
  }
  if (p[0] === 'rules' && p.length === 1) {
    return `Unknown rule "${extra}".${guess ? ` Did you mean "${guess}"?` : ''} Rules of a dependency-cruiser configuration are named "depcruise/<name>".`;
  }
  return `Unknown key "${extra}" in ${where}.${guess ? ` Did you mean "${guess}"?` : ''}`;
}

function knownKeys(parentSchema: Record<string, unknown> | undefined): string[] {
  const props = parentSchema?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props) : [];
}

/** The known key within edit distance 2, so typos get a suggestion and unrelated keys do not. */
function closest(word: string, candidates: string[]): string | undefined {
  // Below three letters every word is "close" to every other one.
  if (word.length < 3) return undefined;
  const completed = candidates.find((c) => c.startsWith(word));
  if (completed) return completed;
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function describeLocation(p: (string | number)[]): string {
  if (p.length === 0) return CONFIG_FILE_NAME;
  if (p[0] === 'domains' && p.length >= 2) {
    const rest = p.slice(2);
    return rest.length === 0 ? `domain "${String(p[1])}"` : `"${rest.join('.')}" of domain "${String(p[1])}"`;
  }
  return `"${p.join('.')}"`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function normalizeRelative(p: string): string {
  const n = path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '');
  return n === '' ? '.' : n;
}

function escapesWorkspace(p: string): boolean {
  const n = normalizeRelative(p);
  return path.posix.isAbsolute(n) || /^[A-Za-z]:/.test(n) || n === '..' || n.startsWith('../');
}

function globProblem(glob: string): string | undefined {
  if (escapesWorkspace(glob)) return `"${glob}" points outside the workspace; globs are relative and stay inside it.`;
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return undefined;
  } catch (err) {
    return `"${glob}" is not a valid glob: ${(err as Error).message}.`;
  }
}

function semanticDiagnostics(host: Host, root: string, raw: RawConfig, locate: Locate): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  const error = (message: string, p: (string | number)[], key = false, meant?: string) =>
    out.push({ severity: 'error', message, path: p, range: locate(p, key), ...(meant ? { replacement: JSON.stringify(meant) } : {}) });
  const domains = isObject(raw.domains) ? (raw.domains as Record<string, unknown>) : {};
  const names = Object.keys(domains);
  const seenPaths: { name: string; path: string }[] = [];
  // A check with no domains passes whatever the code does: in CI that is a config that was never finished.
  if (isObject(raw.domains) && names.length === 0) error('No domains are declared, so nothing would be checked: declare at least one under "domains".', ['domains']);

  for (const name of names) {
    const d = domains[name];
    if (!isObject(d)) continue;
    const at = ['domains', name];
    if (typeof d.path === 'string' && d.path !== '') {
      if (escapesWorkspace(d.path)) {
        error(`The path of domain "${name}" ("${d.path}") leaves the workspace; domain paths are relative to ${CONFIG_FILE_NAME}'s folder.`, [...at, 'path']);
      } else {
        const rel = normalizeRelative(d.path);
        if (!host.directoryExists(rel === '.' ? root : `${root}/${rel}`)) {
          error(`The folder "${rel}" of domain "${name}" does not exist.`, [...at, 'path']);
        }
        for (const other of seenPaths) {
          if (rel === other.path || rel === '.' || other.path === '.' || rel.startsWith(other.path + '/') || other.path.startsWith(rel + '/')) {
            error(`Domain "${name}" ("${rel}") overlaps domain "${other.name}" ("${other.path}"); each file must belong to one domain.`, [...at, 'path']);
          }
        }
        seenPaths.push({ name, path: rel });
      }
    }
    if (Array.isArray(d.dependsOn)) {
      d.dependsOn.forEach((dep, i) => {
        if (typeof dep !== 'string') return;
        if (dep === name) error(`Domain "${name}" lists itself in dependsOn.`, [...at, 'dependsOn', i]);
        else if (!(dep in domains)) {
          const guess = closest(dep, names);
          error(`Domain "${name}" depends on "${dep}", which is not a declared domain.${guess ? ` Did you mean "${guess}"?` : ''}`, [...at, 'dependsOn', i], false, guess);
        }
      });
    }
    if (Array.isArray(d.publicApi)) {
      d.publicApi.forEach((g, i) => {
        const problem = typeof g === 'string' ? globProblem(g) : undefined;
        if (problem) error(problem, [...at, 'publicApi', i]);
        // A file named outright that is not there makes every import of the domain a bypass of an API that does not exist.
        else if (typeof g === 'string' && typeof d.path === 'string' && !picomatch.scan(g).isGlob && !escapesWorkspace(d.path) && !host.fileExists(`${root}/${normalizeRelative(`${d.path}/${g}`)}`)) {
          out.push({ severity: 'warning', message: `The public API file "${g}" of domain "${name}" does not exist in "${normalizeRelative(d.path)}".`, path: [...at, 'publicApi', i], range: locate([...at, 'publicApi', i]) });
        }
      });
    }
  }

  const layers = isObject(raw.layers) ? raw.layers : undefined;
  const layerNames = Object.keys(layers ?? DEFAULT_LAYERS);
  for (const [layer, globs] of Object.entries(layers ?? {})) {
    stringsOf(globs).forEach((g, i) => {
      const problem = globProblem(g);
      if (problem) error(problem, ['layers', layer, i]);
    });
  }
  for (const [layer, allowed] of Object.entries(isObject(raw.layerDependencies) ? raw.layerDependencies : {})) {
    if (!layerNames.includes(layer)) error(`"${layer}" is not a layer; declare it under "layers" first.`, ['layerDependencies', layer], true);
    stringsOf(allowed).forEach((a, i) => {
      if (!layerNames.includes(a) && a !== 'core') error(`"${a}" is not a layer.`, ['layerDependencies', layer, i]);
    });
  }
  for (const key of ['exclude', 'testFiles'] as const) {
    stringsOf(raw[key]).forEach((g, i) => {
      const problem = globProblem(g);
      if (problem) error(problem, [key, i]);
    });
  }
  for (const key of ['adapterOnlyPackages', 'databasePackages'] as const) {
    // Package patterns are globs over package names, not paths: only their syntax can be wrong.
    stringsOf(raw[key]).forEach((g, i) => {
      try {
        picomatch.makeRe(g, { strictBrackets: true });
      } catch (err) {
        error(`"${g}" is not a valid package pattern: ${(err as Error).message}.`, [key, i]);
      }
    });
  }
  stringsOf(raw.sourceRoots).forEach((r, i) => {
    if (escapesWorkspace(r)) error(`Source root "${r}" leaves the workspace.`, ['sourceRoots', i]);
    else if (!host.directoryExists(normalizeRelative(r) === '.' ? root : `${root}/${normalizeRelative(r)}`)) error(`The source root "${r}" does not exist.`, ['sourceRoots', i]);
  });
  for (const key of ['dependencyCruiser', 'debt'] as const) {
    const value = raw[key];
    if (typeof value !== 'string' || value === '') continue;
    if (escapesWorkspace(value)) error(`"${key}" must name a file inside the workspace, not "${value}".`, [key]);
    else if (key === 'dependencyCruiser' && !host.fileExists(`${root}/${normalizeRelative(value)}`)) {
      error(`The dependency-cruiser configuration "${value}" does not exist.`, [key]);
    }
  }
  // A JSON dependency-cruiser configuration is data: its regular expressions are checked here, as
  // dependency-cruiser would, so an unsafe one is a mistake at the key and not a failed run later.
  const named = typeof raw.dependencyCruiser === 'string' && raw.dependencyCruiser !== '' && !escapesWorkspace(raw.dependencyCruiser);
  const cruiser = named ? normalizeRelative(raw.dependencyCruiser!) : raw.dependencyCruiser === undefined ? DEPENDENCY_CRUISER_CANDIDATES.find((c) => host.fileExists(`${root}/${c}`)) : undefined;
  const cruiserText = cruiser?.endsWith('.json') ? host.readFile(`${root}/${cruiser}`) : undefined;
  for (const p of cruiserText === undefined ? [] : dependencyCruiserRegexProblems(cruiserText)) {
    error(`The dependency-cruiser configuration ${cruiser}:${p.line}:${p.column}: ${p.message}.`, named ? ['dependencyCruiser'] : []);
  }
  return out;
}

function buildConfig(host: Host, root: string, file: string | undefined, raw: RawConfig): Config {
  const domains: DomainSpec[] = Object.entries(raw.domains ?? {}).map(([name, d]) => {
    const rel = normalizeRelative(d.path);
    const publicApiAll = d.publicApi === '*';
    const publicApi = publicApiAll ? [] : (d.publicApi as string[] | undefined) ?? DEFAULT_PUBLIC_API;
    const isPublicApiFile = picomatch(publicApi.map(normalizeRelative), { dot: true });
    return {
      name,
      path: rel,
      dir: rel === '.' ? root : `${root}/${rel}`,
      publicApiAll,
      publicApi,
      dependsOn: d.dependsOn ?? [],
      owners: d.owners ?? [],
      isPublic: (relative: string) => publicApiAll || isPublicApiFile(relative),
    };
  });

  const layerGlobs = raw.layers ?? DEFAULT_LAYERS;
  const layers: LayerSpec[] = Object.entries(layerGlobs).map(([name, globs]) => {
    const test = picomatch(globs, { dot: true });
    return { name, globs, matches: (relative: string) => test(relative) };
  });
  const layerDependencies = new Map<string, Set<string>>();
  for (const layer of layers) {
    const allowed = raw.layerDependencies?.[layer.name] ?? DEFAULT_LAYER_DEPENDENCIES[layer.name];
    // A custom layer without declared dependencies may import any layer: we cannot guess its role.
    layerDependencies.set(layer.name, new Set(allowed ?? [...layers.map((l) => l.name), 'core']));
  }

  const rules = new Map<string, RuleSetting>();
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    rules.set(
      id,
      Array.isArray(setting)
        ? { severity: setting[0] as RuleSetting['severity'], options: setting[1] ?? {} }
        : { severity: setting as RuleSetting['severity'], options: {} },
    );
  }

  const sourceRootRel =
    raw.sourceRoots?.map(normalizeRelative) ??
    [...new Set(domains.map((d) => (d.path === '.' ? '.' : path.posix.dirname(d.path))))];
  const excluded = raw.exclude?.length ? picomatch(raw.exclude.map(normalizeRelative), { dot: true }) : () => false;
  const testByGlob = raw.testFiles?.length ? picomatch(raw.testFiles.map(normalizeRelative), { dot: true }) : () => false;

  let dependencyCruiser: string | undefined;
  if (raw.dependencyCruiser) dependencyCruiser = `${root}/${normalizeRelative(raw.dependencyCruiser)}`;
  else {
    const found = DEPENDENCY_CRUISER_CANDIDATES.find((c) => host.fileExists(`${root}/${c}`));
    if (found) dependencyCruiser = `${root}/${found}`;
  }

  return {
    root,
    file,
    domains,
    layers,
    layerDependencies,
    rules,
    adapterOnlyPackages: createPackageMatcher(raw.adapterOnlyPackages ?? DEFAULT_ADAPTER_ONLY_PACKAGES),
    databasePackages: createPackageMatcher(raw.databasePackages ?? DEFAULT_DATABASE_PACKAGES),
    dependencyCruiser,
    debt: raw.debt ? normalizeRelative(raw.debt) : DEFAULT_DEBT_FILE,
    projectChecks: new Map(Object.entries(raw.projectChecks ?? {})),
    sourceRoots: sourceRootRel.map((r) => (r === '.' ? root : `${root}/${r}`)),
    isExcluded: (relative: string) => excluded(relative),
    isTestFile: (relative: string) => isConventionalTestFile(relative) || testByGlob(relative),
  };
}
