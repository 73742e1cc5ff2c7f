import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import schema from '../../schema/foundations.schema.json';
import { createNodeHost } from '../host';
import { loadConfig } from '../config/load-config';
import { RULES } from '../checks';
import { FIXTURES } from './helpers';

const host = createNodeHost({ trusted: false });
const load = (root: string, text?: string) => loadConfig(host, root, text);
/** `line:col message` of each diagnostic, 1-based like an editor shows it. */
const located = (root: string, text?: string) =>
  load(root, text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

describe('engine: foundations.json', () => {
  it('ships a schema that is valid JSON Schema (the engine compiles it without checking)', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(schema), true, ajv.errorsText(ajv.errors));
  });

  it('describes every rule the engine has, and no other, with the options it takes', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((r) => r.id).sort());
    // A rule with options is the one place they are declared: the engine judges foundations.json by them.
    const optionsOf = (rule: string) => located(`${FIXTURES}/shop`, `{ "domains": { "shop": { "path": "src" } }, "rules": { "${rule}": ["error", { "nope": 1 }] } }`)[0];
    assert.match(optionsOf('logic-in-ui'), /has no option "nope": it takes "includeTests", "minScore"\.$/);
    assert.match(optionsOf('cross-domain-import'), /it takes "includeTests", "ignoreTypeOnly"\.$/);
    assert.match(optionsOf('domain-cycle'), /it takes none\.$/);
  });

  it('loads a valid configuration with defaults applied', () => {
    const { config, diagnostics } = load(`${FIXTURES}/shop`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config!.domains.map((d) => `${d.name}=${d.path}`), ['billing=src/billing', 'catalog=src/catalog', 'orders=src/orders', 'shared=src/shared']);
    assert.deepEqual(config!.layers.map((l) => l.name), ['ui', 'integration', 'core', 'data']);
    assert.equal(config!.rules.get('layer-violation')?.severity, 'error');
    assert.ok(config!.databasePackages.match('pg'));
    assert.ok(config!.adapterOnlyPackages.match('@aws-sdk/client-s3'));
    assert.ok(config!.domains[0].isPublic('index.ts') && !config!.domains[0].isPublic('core/invoice.ts'));
    assert.ok(config!.domains[3].isPublic('money.ts'), '"*" makes every file public');
    assert.deepEqual(config!.sourceRoots, [`${FIXTURES}/shop/src`]);
  });

  it('uses the built-in defaults when there is no foundations.json', () => {
    const { config, diagnostics, file } = load(`${FIXTURES}/no-config`);
    assert.equal(file, undefined);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config!.domains, []);
  });

  it('reports every mistake at its key, with a way out', () => {
    assert.deepEqual(located(`${FIXTURES}/broken-config`), [
      '4:48 Domain "a" depends on "c", which is not a declared domain.',
      '5:29 Unknown key "dependOn" in domain "b". Did you mean "dependsOn"?',
      '6:26 The path of domain "outside" ("../elsewhere") leaves the workspace; domain paths are relative to foundations.json\'s folder.',
      '7:25 The folder "src/a/deeper" of domain "nested" does not exist.',
      '7:25 Domain "nested" ("src/a/deeper") overlaps domain "a" ("src/a"); each file must belong to one domain.',
      '10:28 "warn" is not a severity of rule "cross-domain-import" (did you mean "warning"?): use "error", "warning", "info" or "off", or [severity, { options }].',
      '11:5 Unknown rule "no-such-rule". Rules of a dependency-cruiser configuration are named "depcruise/<name>".',
      '13:22 "ui/[unclosed" is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters.',
    ]);
    assert.equal(load(`${FIXTURES}/broken-config`).config, undefined, 'a broken file yields no configuration');
  });

  it('reports invalid JSON at the offending character', () => {
    assert.deepEqual(located(`${FIXTURES}/invalid-json`), ['6:1 foundations.json is not valid JSON: close brace expected.']);
  });

  it('reports wrong types and missing keys', () => {
    const root = `${FIXTURES}/shop`;
    assert.deepEqual(located(root, '{ "domains": { "x": { "dependsOn": "shared" } } }'), [
      '1:21 domain "x" is missing the required key "path".',
      '1:36 "dependsOn" of domain "x" must be an array.',
    ]);
    assert.deepEqual(located(root, '{ "domain": {} }'), ['1:1 foundations.json is missing the required key "domains".', '1:3 Unknown key "domain" in foundations.json. Did you mean "domains"?']);
    assert.deepEqual(located(root, ''), ['1:1 foundations.json is not valid JSON: value expected.']);
    assert.deepEqual(located(root, '{ "domains": { "-x": { "path": "src" } } }'), [
      '1:16 "-x" is not a valid name here: start with a letter, a digit or "_", then use letters, digits, "_", "-" and ".".',
    ]);
  });

  it('accepts comments and trailing commas (JSONC)', () => {
    const { diagnostics, config } = load(`${FIXTURES}/shop`, '// comment\n{ "domains": { "billing": { "path": "src/billing", }, }, /* end */ }');
    assert.deepEqual(diagnostics, []);
    assert.equal(config!.domains.length, 1);
  });

  it('says what would otherwise be ignored without a word: a key given twice, a misspelt or mistyped rule option, a missing source root or public API file', () => {
    const domains = '"catalog": { "path": "src/catalog" }, "orders": { "path": "src/orders", "publicApi": ["idx.ts"] }';
    assert.deepEqual(located(`${FIXTURES}/shop`, `{ "domains": { ${domains}, "catalog": { "path": "src/billing" } } }`), [
      '1:102 The public API file "idx.ts" of domain "orders" does not exist in "src/orders".',
      '1:115 Key "catalog" appears twice in "domains"; the second would silently replace the first.',
    ]);
    const rules = '"rules": { "logic-in-ui": ["warning", { "minScore": "5" }], "logic-in-integration": ["warning", { "minscore": 5 }], "unversioned-api-route": ["error", { "exemptPaths": "/health" }], "domain-cycle": ["error", { "includeTests": true }] }';
    assert.deepEqual(located(`${FIXTURES}/shop`, `{ "domains": { ${domains} }, ${rules}, "sourceRoots": ["nope"] }`), [
      '1:102 The public API file "idx.ts" of domain "orders" does not exist in "src/orders".',
      '1:169 Option "minScore" of rule "logic-in-ui" must be a positive number.',
      '1:215 Rule "logic-in-integration" has no option "minscore" (did you mean "minScore"?): it takes "includeTests", "minScore".',
      '1:285 Option "exemptPaths" of rule "unversioned-api-route" must be a list of paths (each starting with "/").',
      '1:327 Rule "domain-cycle" has no option "includeTests": it takes none.',
      '1:370 The source root "nope" does not exist.',
    ]);
    // An item of an option is judged at the option; a known severity in a setting of the wrong shape is told the shape.
    const shapes = '"rules": { "unversioned-api-route": ["error", { "exemptPaths": ["/health", "metrics"] }], "cross-domain-import": ["error", {}, 3] }';
    assert.deepEqual(located(`${FIXTURES}/shop`, `{ "domains": { ${domains} }, ${shapes} }`), [
      '1:102 The public API file "idx.ts" of domain "orders" does not exist in "src/orders".',
      '1:180 Option "exemptPaths" of rule "unversioned-api-route" must be a list of paths (each starting with "/").',
      '1:230 Rule "cross-domain-import" must be "error", "warning", "info" or "off", or [severity, { options }]: one severity, then at most one object of options.',
    ]);
  });

  it('keeps paths and files inside the workspace', () => {
    const messages = located(`${FIXTURES}/shop`, '{ "domains": {}, "exclude": ["../**"], "debt": "/etc/passwd", "dependencyCruiser": "missing.cjs" }');
    assert.deepEqual(messages, [
      '1:14 No domains are declared, so nothing would be checked: declare at least one under "domains".',
      '1:30 "../**" points outside the workspace; globs are relative and stay inside it.',
      '1:48 "debt" must name a file inside the workspace, not "/etc/passwd".',
      '1:84 The dependency-cruiser configuration "missing.cjs" does not exist.',
    ]);
  });
});
