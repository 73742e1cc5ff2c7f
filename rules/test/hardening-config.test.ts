import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { loadConfig } from '../config/load-config';
import { createNodeHost } from '../host';
import { badConfigs, replaced, where } from './bad-configs';
import { FIXTURES, copyFixture, scanned } from './helpers';

/**
 * Issue 8, point 1 (engine level): every kind of malformed foundations.json gives an error at the
 * offending key or character, never a crash and never a configuration. The CLI side (exit 2, one
 * line per error) and the server side (last good configuration kept) are in server/test.
 */

const host = createNodeHost({ trusted: false });
const SHOP = `${FIXTURES}/shop`;
const BASE = fs.readFileSync(`${SHOP}/foundations.json`, 'utf8');

const located = (root: string, text: string) => loadConfig(host, root, text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

describe('hardening: every malformed foundations.json is an error at its key (engine)', () => {
  for (const bad of badConfigs()) {
    it(bad.name, () => {
      const result = loadConfig(host, SHOP, bad.text);
      assert.equal(result.config, undefined, 'a broken file yields no configuration (the caller keeps its last good one)');
      const diagnostics = located(SHOP, bad.text);
      assert.ok(diagnostics.some((d) => d.startsWith(`${bad.at} `) && bad.message.test(d)), `expected ${bad.at} ${bad.message}, got ${JSON.stringify(diagnostics)}`);
    });
  }

  it('reads a file with a byte order mark and CRLF line ends, and points at the right line and column', () => {
    const crlf = replaced('"dependsOn": ["shared"], "owners"', '"dependsOn": ["shared", "marketing"], "owners"').replace(/\n/g, '\r\n');
    assert.deepEqual(located(SHOP, crlf).map((d) => d.split(' ')[0]), [where(crlf, '"marketing"')]);
    const root = copyFixture('shop');
    fs.writeFileSync(`${root}/foundations.json`, `\ufeff${BASE.replace(/\n/g, '\r\n')}`);
    const fromDisk = loadConfig(host, root);
    assert.deepEqual(fromDisk.diagnostics, [], 'a byte order mark is not "invalid JSON"');
    assert.equal(fromDisk.config!.domains.length, 4);
    assert.deepEqual(loadConfig(host, SHOP, `\ufeff${BASE}`).diagnostics, [], 'nor in an editor buffer');
  });
});

describe('hardening: the regular expressions of a dependency-cruiser configuration', () => {
  const cruiser = (forbidden: unknown[], options: unknown = {}) => JSON.stringify({ forbidden, options }, null, 2) + '\n';

  it('an unsafe or invalid one in a JSON configuration is an error at "dependencyCruiser", saying where in that file', () => {
    const root = copyFixture('shop');
    const cruiserText = cruiser([
        { name: 'fine', severity: 'error', from: { path: '^src/billing' }, to: { path: ['^src/orders', '^src/catalog/core'] } },
        { name: 'catastrophic', severity: 'error', from: { path: '(a+)+$' }, to: {} },
        { name: 'broken', severity: 'warn', from: {}, to: { pathNot: '([' } },
      ], { doNotFollow: { path: '(x*)*y' } });
    fs.writeFileSync(`${root}/.dependency-cruiser.json`, cruiserText);
    const text = replaced('"rules": {', '"dependencyCruiser": ".dependency-cruiser.json", "rules": {');
    const diagnostics = located(root, text);
    const at = where(text, '".dependency-cruiser.json"');
    assert.deepEqual(diagnostics, [
      `${at} The dependency-cruiser configuration .dependency-cruiser.json:${where(cruiserText, '"(a+)+$"')}: rule "catastrophic": from.path "(a+)+$" is unsafe: its nested repetition can take exponential time on some paths, so dependency-cruiser refuses it.`,
      `${at} The dependency-cruiser configuration .dependency-cruiser.json:${where(cruiserText, '"(["')}: rule "broken": to.pathNot "([" is not a valid regular expression (Invalid regular expression: /([/: Unterminated character class).`,
      `${at} The dependency-cruiser configuration .dependency-cruiser.json:${where(cruiserText, '"(x*)*y"')}: options.doNotFollow.path "(x*)*y" is unsafe: its nested repetition can take exponential time on some paths, so dependency-cruiser refuses it.`,
    ]);
    assert.equal(loadConfig(host, root, text).config, undefined);
    // Found without being named (the default file names): the error is at the top of foundations.json.
    assert.deepEqual(located(root, BASE).map((d) => d.split(' ')[0]), [where(BASE, '{'), where(BASE, '{'), where(BASE, '{')]);
  });

  it('a JavaScript configuration is only checked by running it (trusted): a refused one becomes a configuration error', async function () {
    this.timeout(60_000);
    const root = copyFixture('depcruise');
    fs.writeFileSync(`${root}/.dependency-cruiser.cjs`, `module.exports = ${cruiser([{ name: 'catastrophic', severity: 'error', from: { path: '(a+)+$' }, to: {} }])};`);
    const untrusted = await scanned(root, false);
    await untrusted.runDependencyCruiser();
    assert.deepEqual(untrusted.configDiagnostics, [], 'untrusted: not loaded, so nothing is known (a notice says why)');
    assert.match(untrusted.dependencyCruiserProblem!, /not trusted/);

    const trusted = await scanned(root, true);
    const run = await trusted.runDependencyCruiser();
    assert.equal(run.configChanged, true);
    const text = fs.readFileSync(`${root}/foundations.json`, 'utf8');
    assert.deepEqual(
      trusted.configDiagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity}`),
      [`${where(text, '".dependency-cruiser.cjs"')} error`],
    );
    assert.match(trusted.configDiagnostics[0].message, /^The dependency-cruiser configuration \.dependency-cruiser\.cjs cannot be used: .*unsafe regular expression/);
    // No longer named (and gone): the error goes with the next run. (An edited JavaScript file is
    // not re-read in the same process: Node caches what it imported.)
    fs.unlinkSync(`${root}/.dependency-cruiser.cjs`);
    trusted.update([{ type: 'buffer', file: `${root}/foundations.json`, text: text.replace('"dependencyCruiser": ".dependency-cruiser.cjs"', '"debt": "debt.json"') }]);
    assert.equal((await trusted.runDependencyCruiser()).configChanged, true);
    assert.deepEqual(trusted.configDiagnostics, []);
  });
});
