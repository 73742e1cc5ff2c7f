import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, ResourceOperationKind, TextDocumentEdit, TextEdit, WorkspaceEditClientCapabilities } from 'vscode-languageserver-protocol';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits } from '../../rules';
import { copyFixture, scanned } from '../../rules/test/helpers';
import { CodeActions } from '../lsp/code-actions';
import { DIAGNOSTIC_SOURCE } from '../lsp/diagnostics';
import { LspTestClient } from './lsp-test-client';

describe('language server: quick fixes over LSP (codeAction → resolve → apply)', function () {
  let root: string;
  let client: LspTestClient;

  beforeEach(async () => {
    root = copyFixture('shop');
    client = await LspTestClient.start(root, { settings: { debounceMs: 20 } });
    await client.ready();
  });

  afterEach(async () => {
    await client.stop();
  });

  async function actionsFor(file: string, code: string, only?: string[]): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
    const diagnostic = client.diagnostics.get(client.uri(file))!.diagnostics.find((d) => d.code === code)!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(file) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
    return { diagnostic, actions };
  }

  /** What an editor does with a resolved edit: check versions, apply to buffers, write the rest. */
  function apply(action: CodeAction): void {
    for (const change of action.edit!.documentChanges as TextDocumentEdit[]) {
      const file = fileURLToPath(change.textDocument.uri);
      const relative = file.slice(root.length + 1);
      if (client.texts.has(relative)) {
        assert.equal(change.textDocument.version, client.version(relative), 'the edit targets the version the buffer has');
        client.change(relative, applyEdits(client.texts.get(relative)!, change.edits as TextEdit[]));
      } else {
        assert.equal(change.textDocument.version, null);
        fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), change.edits as TextEdit[]));
        void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: change.textDocument.uri, type: 2 }] });
      }
    }
  }

  it('offers the public-API fix without an edit, computes it on resolve, and the diagnostic clears', async () => {
    const file = 'src/billing/core/discounts.ts';
    client.open(file, fs.readFileSync(`${root}/${file}`, 'utf8'));
    const { actions } = await actionsFor(file, 'public-api-bypass');
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.title, `Import from '@shop/catalog', the public API of "catalog" (and export internalMargin from it)`);
    assert.equal(fix.edit, undefined, 'no edit before resolve');
    assert.ok(actions.some((a) => a.command?.command === 'foundations.applyFix' && a.title.startsWith('Suppress public-api-bypass')));

    const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', fix);
    assert.equal((resolved.edit!.documentChanges as TextDocumentEdit[]).length, 2, 'the import and the public API, in one edit');
    apply(resolved);
    await client.waitFor(() => !client.codes(file).includes('public-api-bypass'), 'the finding to clear');
    assert.match(client.texts.get(file)!, /from '@shop\/catalog'/);
  });

  it('sends a move as a preferred quick fix, where the Problems panel and Auto Fix look, and as a move in the Refactor menu', async () => {
    const file = 'src/billing/core/charge.ts';
    const title = 'Move the code that uses "stripe" into the existing src/billing/adapters/stripe-gateway.ts (integration layer)';
    const kinds = (actions: CodeAction[]) => actions.filter((a) => a.title === title).map((a) => `${a.kind}${a.isPreferred ? ' preferred' : ''}`);
    assert.deepEqual(kinds((await actionsFor(file, 'third-party-outside-adapter')).actions), ['quickfix preferred'], 'the lightbulb lists it once');
    const quickFixes = (await actionsFor(file, 'third-party-outside-adapter', ['quickfix'])).actions;
    assert.deepEqual(kinds(quickFixes), ['quickfix preferred']);
    assert.equal(quickFixes.filter((a) => a.isPreferred).length, 1, 'Auto Fix has one preferred fix to apply');
    const refactors = (await actionsFor(file, 'third-party-outside-adapter', ['refactor'])).actions;
    assert.deepEqual(refactors.map((a) => `${a.title} ${a.kind}`), [`${title} refactor.move`], 'only the move, as a move');
  });

  it('shows declaring a dependency that would close a cycle as disabled, with the cycle', async () => {
    const file = 'src/catalog/core/product.ts';
    const { actions } = await actionsFor(file, 'cross-domain-import');
    const declare = actions.find((a) => a.title.startsWith('Declare that "catalog" depends on "orders"'))!;
    assert.match(declare.disabled!.reason, /would close the cycle catalog → orders → catalog/);
  });

  it('changes a domain name misspelt in foundations.json to the one it meant', async () => {
    const good = fs.readFileSync(`${root}/foundations.json`, 'utf8');
    client.open('foundations.json', good, 'jsonc');
    const typo = good.replace(/("dependsOn": \[[^\]]*)"catalog"/, '$1"catalgo"');
    assert.notEqual(typo, good);
    client.change('foundations.json', typo);
    const diagnostic = await client.waitFor(() => client.diagnostics.get(client.uri('foundations.json'))?.diagnostics.find((d) => /Did you mean "catalog"/.test(String(d.message))), 'the typo to be reported');
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('foundations.json') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.deepEqual(actions.map((a) => `${a.title} ${a.kind}${a.isPreferred ? ' preferred' : ''}`), ['Change to "catalog" quickfix preferred']);
    apply(actions[0]);
    assert.equal(client.texts.get('foundations.json'), good);
    await client.waitFor(() => client.diagnostics.get(client.uri('foundations.json'))?.diagnostics.length === 0, 'the config error to clear');
  });

  it('computes an input-needing fix through foundations/computeFix', async () => {
    const file = 'src/billing/core/charge.ts';
    const { diagnostic } = await actionsFor(file, 'third-party-outside-adapter');
    const result = await client.connection.sendRequest<{ edit?: CodeAction['edit']; error?: string }>('foundations/computeFix', {
      uri: client.uri(file),
      ruleId: 'third-party-outside-adapter',
      range: diagnostic.range,
      fixId: 'suppress-line',
      args: { reason: 'moving to the gateway adapter in PAY-12' },
    });
    assert.equal(result.error, undefined);
    apply({ title: 'suppress', edit: result.edit });
    await client.waitFor(() => !client.codes(file).includes('third-party-outside-adapter'), 'the suppressed finding to go');
    const refused = await client.connection.sendRequest<{ error?: string }>('foundations/computeFix', { uri: client.uri(file), ruleId: 'third-party-outside-adapter', range: diagnostic.range, fixId: 'suppress-line', args: {} });
    assert.match(refused.error!, /finding is gone/);
  });
});

/** An integration file holding nothing but the function logic-in-integration reports (a move creates core/handle-refund.ts). */
function workspaceWithRefundHandler(): string {
  const root = copyFixture('shop');
  fs.writeFileSync(
    `${root}/src/billing/adapters/refund-handler.ts`,
    'export function handleRefund(amount: number, days: number): number {\n  if (days > 30) return 0;\n  return amount > 500 ? Math.round(amount * 0.95) : amount;\n}\n',
  );
  return root;
}

describe('language server: a move that empties its file', () => {
  async function movePlan(client: LspTestClient) {
    await client.ready();
    const file = 'src/billing/adapters/refund-handler.ts';
    const diagnostic = client.diagnostics.get(client.uri(file))!.diagnostics.find((d) => d.code === 'logic-in-integration')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const move = actions.find((a) => a.title.startsWith('Move "handleRefund" to'))!;
    const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', move);
    return { uri: client.uri(file), changes: resolved.edit!.documentChanges! };
  }

  const workspaceEdit = (resourceOperations?: ResourceOperationKind[]) => ({ configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true, ...(resourceOperations ? { resourceOperations } : {}) } });

  it('deletes it, after emptying it, when the client can delete files', async () => {
    const client = await LspTestClient.start(workspaceWithRefundHandler(), { workspaceCapabilities: workspaceEdit(['create', 'rename', 'delete']) });
    try {
      const { uri, changes } = await movePlan(client);
      const last = changes.at(-1)!;
      assert.deepEqual(last, { kind: 'delete', uri, options: { ignoreIfNotExists: true } });
      assert.ok(changes.some((c) => 'textDocument' in c && c.textDocument.uri === uri), 'emptied first: the edit carries the version check');
    } finally {
      await client.stop();
    }
  });

  it('leaves it empty when the client cannot delete files', async () => {
    const client = await LspTestClient.start(workspaceWithRefundHandler(), { workspaceCapabilities: workspaceEdit(['create']) });
    try {
      const { changes } = await movePlan(client);
      assert.ok(!changes.some((c) => 'kind' in c && c.kind === 'delete'));
    } finally {
      await client.stop();
    }
  });
});

describe('code actions for a client that cannot create files', () => {
  it('refuses a move to a new file, with the reason, rather than remove the code and write it nowhere', async () => {
    const root = workspaceWithRefundHandler();
    const session = await scanned(root);
    const file = `${root}/src/billing/adapters/refund-handler.ts`;
    const finding = session.findingsFor(file).find((f) => f.ruleId === 'logic-in-integration')!;
    const diagnostic = { range: finding.range, message: finding.message, source: DIAGNOSTIC_SOURCE, code: finding.ruleId };
    const moveWith = (workspaceEdit: WorkspaceEditClientCapabilities) => {
      const codeActions = new CodeActions({ sessionFor: () => session, uriToFile: () => file, documents: new TextDocuments(TextDocument), log: () => undefined });
      codeActions.configure({ workspace: { workspaceEdit } });
      const actions = codeActions.actions({ textDocument: { uri: 'file:///refund-handler.ts' }, range: finding.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
      return actions.find((a) => a.title.startsWith('Move "handleRefund" to'))!;
    };
    for (const workspaceEdit of [{ documentChanges: true }, { documentChanges: false, resourceOperations: ['create' as const] }, {}]) {
      const move = moveWith(workspaceEdit);
      assert.equal(move.edit, undefined, JSON.stringify(workspaceEdit));
      assert.match(move.disabled!.reason, /does not take a new file in a workspace edit .*handle-refund\.ts; run `foundations fix --rule logic-in-integration` or move the code by hand/);
    }
    const move = moveWith({ documentChanges: true, resourceOperations: ['create'] });
    assert.ok(move.edit && !move.disabled, 'a client that creates files gets the move');
  });
});

describe('code actions for a client that cannot resolve them', () => {
  it('computes a move listed as a quick fix and as a refactor once', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const file = `${root}/src/billing/core/charge.ts`;
    const computed: string[] = [];
    const computeFix = session.computeFix.bind(session);
    session.computeFix = (finding, fixId, args) => {
      computed.push(fixId);
      return computeFix(finding, fixId, args);
    };
    const codeActions = new CodeActions({ sessionFor: () => session, uriToFile: () => file, documents: new TextDocuments(TextDocument), log: () => undefined });
    codeActions.configure({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
    const finding = session.findingsFor(file).find((f) => f.ruleId === 'third-party-outside-adapter')!;
    const diagnostic = { range: finding.range, message: finding.message, source: DIAGNOSTIC_SOURCE, code: finding.ruleId };
    const actions = codeActions.actions({ textDocument: { uri: 'file:///charge.ts' }, range: finding.range, context: { diagnostics: [diagnostic], only: ['quickfix', 'refactor'] } });
    const moves = actions.filter((a) => a.title.startsWith('Move the code that uses "stripe"'));
    assert.deepEqual(moves.map((a) => a.kind), ['quickfix', 'refactor.move']);
    assert.ok(moves.every((a) => a.edit));
    assert.deepEqual(computed.filter((id) => id === 'move-to-adapter'), ['move-to-adapter']);
  });
});

describe('language server: a fix that cannot apply', () => {
  it('is shown disabled, with the reason', async () => {
    const client = await LspTestClient.start(copyFixture('js-require'));
    try {
      await client.ready();
      const file = 'lib/users/register.js';
      const diagnostic = client.diagnostics.get(client.uri(file))!.diagnostics.find((d) => d.code === 'public-api-bypass')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const fix = actions.find((a) => a.title.startsWith('Import through the public API'))!;
      assert.match(fix.disabled!.reason, /require\(\) does not say which names it uses/);
    } finally {
      await client.stop();
    }
  });
});
