import type { DomainGraphResult } from '../../../protocol';

/** Messages between the extension (graph-panel.ts) and the graph webview (graph.ts). */
export type ToWebview = { type: 'graph'; graph: DomainGraphResult };
export type FromWebview = { type: 'ready' } | { type: 'reveal'; domain: string; folderUri?: string } | { type: 'openFolder'; folderUri: string } | { type: 'refresh' };
