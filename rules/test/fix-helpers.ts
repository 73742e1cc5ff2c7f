import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { applyEdits } from '../fixes/apply-edits';
import type { EditPlan } from '../model';

/** Writes a fix's edit to disk, as the CLI does. */
export function applyPlan(plan: EditPlan): void {
  for (const c of plan.creates) {
    fs.mkdirSync(path.dirname(c.file), { recursive: true });
    fs.writeFileSync(c.file, c.text);
  }
  for (const e of plan.edits) fs.writeFileSync(e.file, applyEdits(fs.readFileSync(e.file, 'utf8'), e.edits));
  for (const d of plan.deletes) fs.rmSync(d.file);
}

/** `tsc --noEmit -p <root>`, in process: the messages of every error. */
export function typeErrors(root: string): string[] {
  const configFile = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json')!;
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Every file's text under a folder, to show that a fix changed nothing but what it says. */
export function snapshotTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(abs);
      else out.set(abs.slice(root.length + 1), fs.readFileSync(abs, 'utf8'));
    }
  };
  walk(root);
  return out;
}

export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}
