import * as jsonc from 'jsonc-parser';
import { cycleClosedByDeclaring } from '../graph/declared-cycle';
import type { TextEdit } from '../model';
import { LineIndex } from '../text/line-index';
import { type Fix, FixError } from './fix';


export const declareDependency: Fix = {
  id: 'declare-dependency',
  rules: ['cross-domain-import'],
  offer(finding, ctx) {
    const from = finding.domains?.from;
    const to = finding.domains?.to;
    if (!from || !to) return undefined;
    const cycle = cycleClosedByDeclaring(ctx.config, from, to);
    return {
      fixId: this.id,
      title: `Declare that "${from}" depends on "${to}" (foundations.json)`,
      kind: 'quickfix',
      // Moving the code or inverting the dependency is often the better answer: never the default.
      isPreferred: false,
      ...(cycle ? { disabledReason: `declaring it would close the cycle ${cycle.join(' → ')}; move the code to "${from}" or invert the dependency instead` } : {}),
    };
  },
  edit(finding, ctx) {
    const from = finding.domains?.from;
    const to = finding.domains?.to;
    const text = ctx.readFile(ctx.configFile);
    if (!from || !to || text === undefined) throw new FixError('foundations.json cannot be read');
    const tree = jsonc.parseTree(text);
    const dependsOn = tree && jsonc.findNodeAtLocation(tree, ['domains', from, 'dependsOn']);
    const current = dependsOn ? (jsonc.getNodeValue(dependsOn) as unknown) : undefined;
    if (Array.isArray(current) && current.includes(to)) throw new FixError(`"${from}" already depends on "${to}"`);
    const lines = new LineIndex(text);
    const insertAt = (offset: number, content: string): TextEdit[] => [{ range: lines.rangeOf(offset, offset), newText: content }];
    const oneLine = (node: jsonc.Node) => !/\n/.test(text.slice(node.offset, node.offset + node.length));
    const domainNode = tree && jsonc.findNodeAtLocation(tree, ['domains', from]);
    let textEdits: TextEdit[];
    if (dependsOn && dependsOn.type === 'array' && oneLine(dependsOn)) {
      // A one-line list stays one line: insert after its last element, or inside the brackets.
      const last = dependsOn.children?.[dependsOn.children.length - 1];
      textEdits = last ? insertAt(last.offset + last.length, `, ${JSON.stringify(to)}`) : insertAt(dependsOn.offset + 1, JSON.stringify(to));
    } else if (!dependsOn && domainNode && domainNode.type === 'object' && oneLine(domainNode) && domainNode.children?.length) {
      const last = domainNode.children[domainNode.children.length - 1];
      textEdits = insertAt(last.offset + last.length, `, "dependsOn": [${JSON.stringify(to)}]`);
    } else {
      // Multi-line: let jsonc-parser insert and format just the change; comments elsewhere are untouched.
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const indent = /\n( +|\t+)"/.exec(text)?.[1] ?? '  ';
      const edits = jsonc.modify(text, Array.isArray(current) ? ['domains', from, 'dependsOn', -1] : ['domains', from, 'dependsOn'], Array.isArray(current) ? to : [to], {
        formattingOptions: { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol },
      });
      textEdits = edits.map((e) => ({ range: lines.rangeOf(e.offset, e.offset + e.length), newText: e.content }));
    }
    return { edits: [{ file: ctx.configFile, edits: textEdits }], creates: [], deletes: [] };
  },
};
