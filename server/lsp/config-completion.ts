import * as jsonc from 'jsonc-parser';
import { type CompletionItem, CompletionItemKind, type CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../../rules';

/**
 * Where foundations.json is completed, for clients that register providers per document: the JSON
 * schema cannot list the domains a file declares, and TypeScript files are left to TypeScript.
 */
export const CONFIG_DOCUMENT_SELECTOR = [{ scheme: 'file', pattern: `**/${CONFIG_FILE_NAME}` }];

/** Typing the opening quote of a string asks for the names. */
export const CONFIG_COMPLETION_TRIGGERS = ['"'];

export interface ConfigCompletionDeps {
  document(uri: string): TextDocument | undefined;
}

/**
 * Completion in foundations.json: inside a domain's `dependsOn`, the other declared domains it does
 * not list yet, read from the buffer as it is (a domain declared a moment ago is offered).
 */
export function configCompletion(deps: ConfigCompletionDeps, params: CompletionParams): CompletionItem[] | null {
  const { uri } = params.textDocument;
  if (!uri.endsWith(`/${CONFIG_FILE_NAME}`)) return null;
  const document = deps.document(uri);
  if (!document) return null;
  const text = document.getText();
  const offset = document.offsetAt(params.position);
  const location = jsonc.getLocation(text, offset);
  const [domainsKey, domain, key, index] = location.path;
  if (location.path.length !== 4 || domainsKey !== 'domains' || typeof domain !== 'string' || key !== 'dependsOn' || typeof index !== 'number') return null;
  const tree = jsonc.parseTree(text);
  const list = tree && jsonc.findNodeAtLocation(tree, ['domains', domain, 'dependsOn']);
  if (!tree || list?.type !== 'array') return null;
  const items = list.children ?? [];
  // The string the cursor is in is replaced whole; elsewhere a new one is inserted between its neighbours.
  const editing = items.find((n) => n.type === 'string' && offset > n.offset && offset < n.offset + n.length);
  const listed = new Set(items.filter((n) => n !== editing && n.type === 'string').map((n) => n.value as string));
  const replace = editing ? { start: document.positionAt(editing.offset), end: document.positionAt(editing.offset + editing.length) } : { start: params.position, end: params.position };
  // Between two values with only blanks around the cursor, the commas the new one needs come with it.
  const previous = items.filter((n) => n.offset + n.length <= offset).pop();
  const next = items.find((n) => n.offset >= offset);
  const before = !editing && previous && text.slice(previous.offset + previous.length, offset).trim() === '' ? ', ' : '';
  const after = !editing && next && text.slice(offset, next.offset).trim() === '' ? ', ' : '';
  return declaredDomains(tree)
    .filter((d) => d.name !== domain && !listed.has(d.name))
    .map((d) => ({
      label: d.name,
      kind: CompletionItemKind.Module,
      ...(d.path ? { detail: d.path } : {}),
      // The quote is part of what was typed: the editor filters on the text from the range start.
      filterText: `"${d.name}"`,
      textEdit: { range: replace, newText: `${before}"${d.name}"${after}` },
    }));
}

/** The domain names foundations.json declares, with their folders. */
function declaredDomains(tree: jsonc.Node): { name: string; path?: string }[] {
  const domains = jsonc.findNodeAtLocation(tree, ['domains']);
  if (domains?.type !== 'object') return [];
  return (domains.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    if (key?.type !== 'string') return [];
    const folder = value && jsonc.findNodeAtLocation(value, ['path']);
    return [{ name: key.value as string, ...(folder?.type === 'string' ? { path: folder.value as string } : {}) }];
  });
}
