import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FIXTURES } from './helpers';

/**
 * Malformed foundations.json files, one per kind of mistake issue 8 lists (invalid JSONC, wrong
 * types, unknown keys, unknown domains, overlapping, missing or escaping paths, invalid globs), as
 * edits of the shop fixture's file, each with where its error must be. Shared by the engine, CLI
 * and language server tests.
 */

const BASE = fs.readFileSync(`${FIXTURES}/shop/foundations.json`, 'utf8');

/** 1-based `line:col` of the `occurrence`-th `needle` in `text`, as an editor shows it. */
export function where(text: string, needle: string, occurrence = 0): string {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** 1-based `line:col` just past the end of `text`. */
export function endOf(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

/** One malformed configuration: the text, where the error must be, and what it must say. */
export interface BadConfig {
  name: string;
  text: string;
  at: string;
  message: RegExp;
}

export const replaced = (from: string, to: string): string => {
  assert.ok(BASE.includes(from), from);
  return BASE.replace(from, to);
};

/** The list of issue 8 (invalid JSONC, wrong types, unknown keys, unknown domains, paths, globs), on the shop fixture. */
export function badConfigs(): BadConfig[] {
  const truncated = BASE.slice(0, BASE.indexOf('"rules"'));
  const cases: { name: string; text: string; needle?: string; at?: string; occurrence?: number; message: RegExp }[] = [
    { name: 'a missing comma', text: replaced('"owners": ["@payments-team"] },', '"owners": ["@payments-team"] }'), needle: '"catalog": {', message: /not valid JSON: comma expected/ },
    { name: 'an unterminated string', text: replaced('"../../schema/foundations.schema.json",', '"../../schema/foundations.schema.json'), needle: '"../../schema', message: /not valid JSON: unexpected end of string/ },
    { name: 'a truncated file', text: truncated, at: endOf(truncated), message: /not valid JSON: (close brace|property name) expected/ },
    { name: 'an empty file', text: '', needle: '', message: /not valid JSON: value expected/ },
    { name: 'an array instead of an object', text: '[]', needle: '[', message: /foundations\.json must be an object/ },
    { name: 'a string where a list is expected', text: replaced('"dependsOn": ["shared"], "owners"', '"dependsOn": "shared", "owners"'), needle: '"shared", "owners"', message: /"dependsOn" of domain "catalog" must be an array/ },
    { name: 'a number as severity', text: replaced('"layer-violation": "error"', '"layer-violation": 3'), needle: '3', message: /Rule "layer-violation" must be "error", "warning", "info" or "off"/ },
    { name: 'a misspelt severity', text: replaced('"layer-violation": "error"', '"layer-violation": "eror"'), needle: '"eror"', message: /"eror" is not a severity of rule "layer-violation" \(did you mean "error"\?\)/ },
    { name: 'an unknown top-level key', text: replaced('"rules": {', '"rule": {'), needle: '"rule"', message: /Unknown key "rule" in foundations\.json\. Did you mean "rules"\?/ },
    { name: 'an unknown key in a domain', text: replaced('"dependsOn": ["billing"', '"dependOn": ["billing"'), needle: '"dependOn"', message: /Unknown key "dependOn" in domain "orders"\. Did you mean "dependsOn"\?/ },
    { name: 'an unknown rule', text: replaced('"layer-violation": "error"', '"layer-violations": "error"'), needle: '"layer-violations"', message: /Unknown rule "layer-violations"\. Did you mean "layer-violation"\?/ },
    { name: 'an unknown domain in dependsOn', text: replaced('"dependsOn": ["shared"], "owners"', '"dependsOn": ["shared", "marketing"], "owners"'), needle: '"marketing"', message: /Domain "catalog" depends on "marketing", which is not a declared domain/ },
    { name: 'a domain depending on itself', text: replaced('"dependsOn": ["shared"], "owners"', '"dependsOn": ["catalog"], "owners"'), needle: '"catalog"]', message: /Domain "catalog" lists itself in dependsOn/ },
    { name: 'overlapping domain paths', text: replaced('"path": "src/orders"', '"path": "src/billing/core"'), needle: '"src/billing/core"', message: /Domain "orders" \("src\/billing\/core"\) overlaps domain "billing"/ },
    { name: 'a missing domain folder', text: replaced('"path": "src/orders"', '"path": "src/ordres"'), needle: '"src/ordres"', message: /The folder "src\/ordres" of domain "orders" does not exist/ },
    { name: 'a domain path out of the workspace', text: replaced('"path": "src/orders"', '"path": "../../etc"'), needle: '"../../etc"', message: /The path of domain "orders" \("\.\.\/\.\.\/etc"\) leaves the workspace/ },
    { name: 'an absolute domain path', text: replaced('"path": "src/orders"', '"path": "/etc"'), needle: '"/etc"', message: /leaves the workspace/ },
    { name: 'an exclude glob out of the workspace', text: replaced('"rules": {', '"exclude": ["../../etc/**"], "rules": {'), needle: '"../../etc/**"', message: /points outside the workspace/ },
    { name: 'a source root out of the workspace', text: replaced('"rules": {', '"sourceRoots": ["../../etc"], "rules": {'), needle: '"../../etc"', message: /Source root "\.\.\/\.\.\/etc" leaves the workspace/ },
    { name: 'a debt register out of the workspace', text: replaced('"rules": {', '"debt": "../../etc/passwd", "rules": {'), needle: '"../../etc/passwd"', message: /"debt" must name a file inside the workspace/ },
    { name: 'a dependency-cruiser file out of the workspace', text: replaced('"rules": {', '"dependencyCruiser": "/etc/passwd", "rules": {'), needle: '"/etc/passwd"', message: /"dependencyCruiser" must name a file inside the workspace/ },
    { name: 'a missing dependency-cruiser file', text: replaced('"rules": {', '"dependencyCruiser": ".dependency-cruiser.cjs", "rules": {'), needle: '".dependency-cruiser.cjs"', message: /The dependency-cruiser configuration "\.dependency-cruiser\.cjs" does not exist/ },
    { name: 'an invalid layer glob', text: replaced('"rules": {', '"layers": { "ui": ["ui/**", "**/*.(tsx"] }, "rules": {'), needle: '"**/*.(tsx"', message: /"\*\*\/\*\.\(tsx" is not a valid glob: Missing closing: "\)"/ },
    { name: 'an invalid public API glob', text: replaced('"publicApi": "*"', '"publicApi": ["index.{ts"]'), needle: '"index.{ts"', message: /"index\.\{ts" is not a valid glob/ },
    { name: 'an invalid exclude glob', text: replaced('"rules": {', '"exclude": ["src/[a-"], "rules": {'), needle: '"src/[a-"', message: /"src\/\[a-" is not a valid glob/ },
    { name: 'an invalid package pattern', text: replaced('"rules": {', '"adapterOnlyPackages": ["@aws-sdk/[x"], "rules": {'), needle: '"@aws-sdk/[x"', message: /"@aws-sdk\/\[x" is not a valid package pattern/ },
    { name: 'a layer dependency on an unknown layer', text: replaced('"rules": {', '"layerDependencies": { "ui": ["core", "domian"] }, "rules": {'), needle: '"domian"', message: /"domian" is not a layer/ },
  ];
  return cases.map((c) => ({ name: c.name, text: c.text, at: c.at ?? where(c.text, c.needle!, c.occurrence), message: c.message }));
}
