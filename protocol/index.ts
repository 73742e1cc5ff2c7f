/**
 * The custom messages between the Foundations extension and its language server — the only
 * thing client and server share besides LSP itself.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Options the client passes in `initialize`. */
export interface FoundationsInitializationOptions {
  /** VS Code workspace trust: only a trusted workspace may have its JavaScript configuration loaded. */
  trusted: boolean;
}

export type ServerState = 'starting' | 'scanning' | 'ready' | 'error';

export interface StatusParams {
  state: ServerState;
  errors: number;
  warnings: number;
  infos: number;
  /** Source files analysed across all workspace folders. */
  files: number;
  /** Folders whose foundations.json has errors (the last good configuration stays in force). */
  configErrors: number;
  /** Folders without a foundations.json (the client offers to create one). */
  foldersWithoutConfig: string[];
  /** Things switched off and why (e.g. untrusted workspace). */
  notices: string[];
}

export namespace FoundationsStatus {
  export const method = 'foundations/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface InferConfigParams {
  folderUri: string;
}

export interface InferConfigResult {
  text: string;
  domains: string[];
}

export namespace InferConfig {
  export const method = 'foundations/inferConfig';
  export const type = new RequestType<InferConfigParams, InferConfigResult, void>(method);
}

/** Identifies a finding across requests: its rule and where it starts (0-based). */
export interface FindingRef {
  uri: string;
  ruleId: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** What the client must ask the user before a fix's edit can be computed. */
export type FixInputRequest =
  | { kind: 'reason'; prompt: string }
  | { kind: 'reason-and-expiry'; prompt: string }
  | { kind: 'pick-file'; prompt: string; choices: string[] };

/** Arguments of the `foundations.applyFix` command that input-needing code actions carry. */
export interface ApplyFixArguments extends FindingRef {
  fixId: string;
  title: string;
  input: FixInputRequest;
}

export interface ComputeFixParams extends FindingRef {
  fixId: string;
  args: { reason?: string; expiry?: string; file?: string };
}

/** The fix's edit (an LSP WorkspaceEdit), or why it cannot be applied. */
export interface ComputeFixResult {
  edit?: import('vscode-languageserver-protocol').WorkspaceEdit;
  error?: string;
}

export namespace ComputeFix {
  export const method = 'foundations/computeFix';
  export const type = new RequestType<ComputeFixParams, ComputeFixResult, void>(method);
}

/** The client command that asks for a fix's input, then requests and applies its edit. */
export const APPLY_FIX_COMMAND = 'foundations.applyFix';
