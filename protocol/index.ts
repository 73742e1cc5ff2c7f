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
