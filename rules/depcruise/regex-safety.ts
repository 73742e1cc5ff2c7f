import * as jsonc from 'jsonc-parser';
import safeRegex from 'safe-regex';
import { LineIndex } from '../text/line-index';

/** A regular expression of a dependency-cruiser configuration that dependency-cruiser would refuse. */
export interface RegexProblem {
  /** Where in the dependency-cruiser file, 1-based like an editor shows it. */
  line: number;
  column: number;
  message: string;
}

/** The conditions dependency-cruiser reads as regular expressions (its rule-set/assert-validity.mjs). */
const RULE_CONDITIONS: (string | number)[][] = [
  ['from', 'path'],
  ['from', 'pathNot'],
  ['to', 'path'],
  ['to', 'pathNot'],
  ['to', 'license'],
  ['to', 'licenseNot'],
  ['to', 'via'],
  ['to', 'via', 'path'],
  ['to', 'viaNot'],
  ['to', 'viaNot', 'path'],
  ['to', 'viaOnly'],
  ['to', 'viaOnly', 'path'],
  ['to', 'viaSomeNot'],
  ['to', 'viaSomeNot', 'path'],
];
const OPTION_CONDITIONS: (string | number)[][] = [
  ['doNotFollow'],
  ['doNotFollow', 'path'],
  ['doNotFollow', 'pathNot'],
  ['exclude'],
  ['exclude', 'path'],
  ['exclude', 'pathNot'],
  ['includeOnly'],
  ['focus'],
  ['reaches'],
  ['highlight'],
  ['collapse'],
];
/** The repetition limits dependency-cruiser passes to safe-regex: its own for rules, safe-regex's default for options. */
const RULE_REPEAT_LIMIT = 10000;
const OPTION_REPEAT_LIMIT = 25;

/**
 * The regular expressions of a JSON dependency-cruiser configuration that would make it refuse
 * to run: ones that do not compile, and unsafe ones (nested quantifiers, which can take
 * exponential time on a crafted path). Read as data, so it is safe in an untrusted workspace;
 * a JavaScript configuration can only be checked by running it. Text that is not JSON(C) gives
 * nothing here: dependency-cruiser reports it when it runs.
 */
export function dependencyCruiserRegexProblems(text: string): RegexProblem[] {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true });
  if (!tree || errors.length > 0 || tree.type !== 'object') return [];
  const lines = new LineIndex(text);
  const problems: RegexProblem[] = [];
  const check = (node: jsonc.Node | undefined, where: string, limit: number) => {
    if (!node) return;
    const value: unknown = jsonc.getNodeValue(node);
    // A list of patterns is one alternation to dependency-cruiser.
    const pattern = typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('|') : undefined;
    if (pattern === undefined || pattern === '') return;
    const at = lines.positionAt(node.offset);
    let reason: string | undefined;
    try {
      new RegExp(pattern);
      if (!safeRegex(pattern, { limit })) reason = 'is unsafe: its nested repetition can take exponential time on some paths, so dependency-cruiser refuses it';
    } catch (err) {
      reason = `is not a valid regular expression (${(err as Error).message})`;
    }
    if (reason) problems.push({ line: at.line + 1, column: at.character + 1, message: `${where} ${JSON.stringify(pattern)} ${reason}` });
  };
  for (const section of ['forbidden', 'allowed', 'required']) {
    const rules = jsonc.findNodeAtLocation(tree, [section]);
    if (rules?.type !== 'array') continue;
    rules.children!.forEach((rule, i) => {
      const name = jsonc.findNodeAtLocation(rule, ['name'])?.value;
      const label = typeof name === 'string' ? `rule "${name}"` : `${section}[${i}]`;
      for (const condition of RULE_CONDITIONS) check(jsonc.findNodeAtLocation(rule, condition), `${label}: ${condition.join('.')}`, RULE_REPEAT_LIMIT);
    });
  }
  for (const condition of OPTION_CONDITIONS) check(jsonc.findNodeAtLocation(tree, ['options', ...condition]), `options.${condition.join('.')}`, OPTION_REPEAT_LIMIT);
  return problems;
}
