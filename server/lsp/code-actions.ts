import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type CreateFile,
  type DeleteFile,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { APPLY_FIX_COMMAND, type ApplyFixArguments, type ComputeFixParams, type ComputeFixResult, type FindingRef } from '../../protocol';
import { type EditPlan, type Finding, FixError, type FixKind, type Session } from '../../rules';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/**
 * The kinds a fix is sent as. Every fix of a finding is a quick fix: VS Code lists only those where
 * it shows a diagnostic's fixes (Problems panel, the Quick Fix section, Auto Fix). A move or a
 * rewrite is also listed under its refactor kind when the client asks for refactors (the Refactor
 * menu), and not twice in the lightbulb menu, which asks for everything.
 */
function kindsOf(kind: FixKind, only: string[] | undefined): string[] {
  const requested = (k: string) => !only || only.some((o) => k === o || k.startsWith(`${o}.`));
  return [...new Set([CodeActionKind.QuickFix, ...(only ? [kind] : [])])].filter(requested);
}

/** What a code action carries between `textDocument/codeAction` and `codeAction/resolve`. */
interface ActionData extends FindingRef {
  fixId: string;
}

export interface CodeActionHost {
  sessionFor(file: string): Session | undefined;
  /** Applies the buffer edits of the file's folder still waiting for their debounce. */
  syncBuffers?(file: string): void;
  uriToFile(uri: string): string | undefined;
  documents: TextDocuments<TextDocument>;
  log(message: string): void;
}

/**
 * Quick fixes over LSP: offers are cheap (no edit) and the edit is computed on resolve, against
 * the document versions of that moment, so the editor refuses it if the text changed since.
 */
export class CodeActions {
  private resolveEdits = false;
  private documentChanges = false;
  /** Whether the client deletes files in a workspace edit (else a file a move emptied stays, empty). */
  private deleteFiles = false;
  /** Whether the client creates files in a workspace edit: a move to a new file needs it. */
  private createFiles = false;

  constructor(private readonly host: CodeActionHost) {}

  configure(capabilities: ClientCapabilities): void {
    this.resolveEdits = !!capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    this.documentChanges = !!capabilities.workspace?.workspaceEdit?.documentChanges;
    this.deleteFiles = this.documentChanges && !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('delete');
    this.createFiles = this.documentChanges && !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create');
  }

  actions(params: CodeActionParams): CodeAction[] {
    const file = this.host.uriToFile(params.textDocument.uri);
    const session = file && this.host.sessionFor(file);
    if (!file || !session) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
      if (diagnostic.code === 'config') {
        const typo = this.typoFix(file, session, diagnostic);
        if (typo && kindsOf('quickfix', only).length > 0) actions.push(typo);
        continue;
      }
      const finding = session.findingAt(file, diagnostic.code, diagnostic.range);
      if (!finding) continue;
      const ref: FindingRef = { uri: params.textDocument.uri, ruleId: finding.ruleId, range: finding.range };
      for (const offer of session.fixesFor(finding)) {
        // A move listed as a quick fix and as a refactor is one edit, computed once.
        let computed: ComputeFixResult | undefined;
        for (const kind of kindsOf(offer.kind, only)) {
          const action: CodeAction = { title: offer.title, kind, diagnostics: [diagnostic], isPreferred: offer.isPreferred };
          if (offer.disabledReason) action.disabled = { reason: offer.disabledReason };
          else if (offer.input) {
            const args: ApplyFixArguments = { ...ref, fixId: offer.fixId, title: offer.title, input: offer.input };
            action.command = { title: offer.title, command: APPLY_FIX_COMMAND, arguments: [args] };
          } else if (this.resolveEdits) action.data = { ...ref, fixId: offer.fixId } satisfies ActionData;
          else {
            computed ??= this.edit(file, finding, offer.fixId, {});
            if (computed.edit) action.edit = computed.edit;
            else action.disabled = { reason: computed.error ?? 'the fix cannot apply' };
          }
          actions.push(action);
        }
      }
    }
    return actions;
  }

  /**
   * "Change to "catalog"" for a foundations.json typo. The replacement is taken from the diagnostic
   * as the session has it now (not as the client kept it), so a stale one edits nothing.
   */
  private typoFix(file: string, session: Session, diagnostic: Diagnostic): CodeAction | undefined {
    this.host.syncBuffers?.(file);
    const replacement = session.configDiagnostics.find((d) => d.message === diagnostic.message && JSON.stringify(d.range) === JSON.stringify(diagnostic.range))?.replacement;
    if (!replacement) return undefined;
    const edit = this.toWorkspaceEdit({ edits: [{ file, edits: [{ range: diagnostic.range, newText: replacement }] }], creates: [], deletes: [] });
    return { title: `Change to ${replacement}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit };
  }

  resolve(action: CodeAction): CodeAction {
    const data = action.data as ActionData | undefined;
    if (!data) return action;
    const file = this.host.uriToFile(data.uri);
    // The buffers may be a few keystrokes ahead of the analysis (debounce): catch up first, so the
    // finding is looked up, and the edit computed, on the text the versions below belong to.
    if (file) this.host.syncBuffers?.(file);
    const session = file && this.host.sessionFor(file);
    const finding = file && session ? session.findingAt(file, data.ruleId, data.range) : undefined;
    if (!file || !session || !finding) {
      this.host.log(`fix "${action.title}" no longer applies: the finding is gone (the file changed since)`);
      return action;
    }
    const result = this.edit(file, finding, data.fixId, {});
    if (result.edit) action.edit = result.edit;
    else this.host.log(`fix "${action.title}" cannot be applied: ${result.error}`);
    return action;
  }

  /** The `foundations/computeFix` request: an input-needing fix, with the user's answer. */
  compute(params: ComputeFixParams): ComputeFixResult {
    const file = this.host.uriToFile(params.uri);
    if (file) this.host.syncBuffers?.(file);
    const session = file && this.host.sessionFor(file);
    const finding = file && session ? session.findingAt(file, params.ruleId, params.range) : undefined;
    if (!file || !session || !finding) return { error: 'the finding is gone (the file changed since)' };
    return this.edit(file, finding, params.fixId, params.args);
  }

  private edit(file: string, finding: Finding, fixId: string, args: ComputeFixParams['args']): ComputeFixResult {
    this.host.syncBuffers?.(file);
    const session = this.host.sessionFor(file);
    if (!session) return { error: 'the folder is not checked yet' };
    try {
      const plan = session.computeFix(finding, fixId, args);
      // The rest of the edit would still apply and remove the code from where it is: nothing may be lost.
      if (plan.creates.length > 0 && !this.createFiles) {
        return { error: `this editor does not take a new file in a workspace edit (it advertises no workspaceEdit.documentChanges with resourceOperations "create": Neovim 0.7 has no documentChanges), and the fix writes ${plan.creates.map((c) => path.basename(c.file)).join(', ')}; run \`foundations fix --rule ${finding.ruleId}\` or move the code by hand` };
      }
      // Each open buffer's edit carries its version, which must be the version of the text the edit
      // was computed on. Nothing above yields to incoming messages, so it is; if ever not, refuse.
      for (const e of plan.edits) {
        const document = this.host.documents.get(pathToFileURL(e.file).href);
        if (document && document.getText() !== session.host.readFile(e.file)) {
          return { error: `${e.file} changed while the fix was computed; try again` };
        }
      }
      return { edit: this.toWorkspaceEdit(plan) };
    } catch (err) {
      if (err instanceof FixError) return { error: err.message };
      this.host.log(`fix ${fixId} failed: ${(err as Error).stack ?? String(err)}`);
      return { error: `the fix failed: ${(err as Error).message}` };
    }
  }

  private toWorkspaceEdit(plan: EditPlan): WorkspaceEdit {
    const uri = (file: string) => pathToFileURL(file).href;
    if (!this.documentChanges) {
      const changes: WorkspaceEdit['changes'] = {};
      for (const e of plan.edits) changes[uri(e.file)] = e.edits;
      return { changes };
    }
    const documentChanges: (TextDocumentEdit | CreateFile | DeleteFile)[] = [];
    for (const c of plan.creates) {
      documentChanges.push({ kind: 'create', uri: uri(c.file), options: { ignoreIfExists: false, overwrite: false } });
      documentChanges.push({ textDocument: { uri: uri(c.file), version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.text }] });
    }
    for (const e of plan.edits) {
      // The version the edit was computed for: an editor refuses it if the buffer changed since.
      const version = this.host.documents.get(uri(e.file))?.version ?? null;
      documentChanges.push({ textDocument: { uri: uri(e.file), version }, edits: e.edits });
    }
    // After its edit, which carries the version check; an unsaved buffer has no file to delete.
    if (this.deleteFiles) for (const d of plan.deletes) documentChanges.push({ kind: 'delete', uri: uri(d.file), options: { ignoreIfNotExists: true } });
    return { documentChanges };
  }
}
