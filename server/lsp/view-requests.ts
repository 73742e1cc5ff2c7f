import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import {
  type CheckNode,
  type Counts,
  type DebtEntryNode,
  DomainGraph,
  type DomainGraphResult,
  type DomainInfo,
  FoundationsChanged,
  FoundationsDebt,
  FoundationsDomains,
  FoundationsFindings,
  FoundationsTree,
  PruneDebt,
  type TreeFilter,
} from '../../protocol';
import {
  type DebtMark,
  type FindingFilter,
  type Session,
  buildDomainGraph,
  findingsOfRule,
  fingerprintOf,
  foundationsOverview,
  pruneStaleDebt,
} from '../../rules';
import { ruleDocsUri } from './diagnostics';
import type { FolderAnalysis } from './folder-analysis';

export interface ViewRequestsDeps {
  folders(): FolderAnalysis[];
  uriToFile(uri: string): string | undefined;
}

const uriOf = (file: string) => pathToFileURL(file).href;
const DEFAULT_FINDINGS_LIMIT = 500;

/**
 * The custom requests behind the Foundations view (trees, domains, debt, graph) and the
 * notification that tells the client to refresh them. Handlers turn engine data into protocol
 * shapes (URIs instead of paths); the engine computes everything.
 */
export function registerViewRequests(connection: Connection, deps: ViewRequestsDeps): { notifyIfChanged(): void } {
  const folderName = (f: FolderAnalysis) => path.posix.basename(f.root);
  // A folder's views show the findings it publishes: those of a workspace folder nested in it are that one's.
  const engineFilter = (f: FolderAnalysis, filter: TreeFilter | undefined): FindingFilter => ({
    severity: filter?.severity,
    domain: filter?.domain,
    file: filter?.fileUri ? deps.uriToFile(filter.fileUri) : undefined,
    excludeFolders: f.nestedFolders(),
  });
  const folderFor = (uri: string) => {
    const root = deps.uriToFile(uri);
    return deps.folders().find((f) => f.root === root);
  };

  connection.onRequest(FoundationsTree.type, (params) => {
    const totals: Counts = { errors: 0, warnings: 0, infos: 0 };
    const folders = deps.folders().map((f) => {
      const session = f.engine;
      if (!session) return { folderUri: uriOf(f.root), name: folderName(f), ready: false, foundations: [] };
      // Without a configuration no domain is declared: the checks would all "pass" on nothing.
      if (!session.configFile) return { folderUri: uriOf(f.root), name: folderName(f), ready: true, unconfigured: true, foundations: [] };
      // What the status item counts: each file once, in the innermost folder.
      const s = f.counts();
      totals.errors += s.errors;
      totals.warnings += s.warnings;
      totals.infos += s.infos;
      const filter = engineFilter(f, params.filter);
      // A file filter only applies to the folder that holds the file.
      if (filter?.file && !f.contains(filter.file)) return { folderUri: uriOf(f.root), name: folderName(f), ready: true, foundations: [] };
      return {
        folderUri: uriOf(f.root),
        name: folderName(f),
        ready: true,
        foundations: foundationsOverview(session, filter).map((foundation) => ({
          id: foundation.id,
          title: foundation.title,
          status: foundation.status,
          counts: foundation.counts,
          checks: foundation.checks.map(
            (c): CheckNode => ({
              kind: c.kind,
              id: c.id,
              title: c.title,
              status: c.status,
              counts: c.counts,
              ...(c.severity ? { severity: c.severity } : {}),
              ...(c.summary ? { summary: c.summary } : {}),
              ...(c.evidence
                ? {
                    evidence: c.evidence.map((e) => ({
                      uri: uriOf(path.posix.normalize(`${session.root}/${e.file}`)),
                      path: e.file,
                      ...(e.line !== undefined ? { line: e.line } : {}),
                      ...(e.folder ? { folder: true } : {}),
                      note: e.note,
                    })),
                  }
                : {}),
              ...(c.kind === 'rule' && ruleDocsUri(c.id) ? { helpUri: ruleDocsUri(c.id) } : {}),
            }),
          ),
        })),
      };
    });
    return { folders, totals };
  });

  connection.onRequest(FoundationsFindings.type, (params) => {
    const folder = folderFor(params.folderUri);
    const session = folder?.engine;
    if (!folder || !session) return { findings: [], truncated: 0 };
    const all = findingsOfRule(session, params.ruleId, engineFilter(folder, params.filter));
    const limit = params.limit ?? DEFAULT_FINDINGS_LIMIT;
    return {
      findings: all.slice(0, limit).map((f) => {
        const debt = f.data?.debt as DebtMark | undefined;
        return {
          uri: uriOf(f.file),
          range: f.range,
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          ...(f.domains ? { domains: f.domains } : {}),
          ...(f.layers ? { layers: f.layers } : {}),
          ...(debt ? { debt: { status: debt.status, reason: debt.reason, ...(debt.owner ? { owner: debt.owner } : {}), ...(debt.expires ? { expires: debt.expires } : {}) } } : {}),
        };
      }),
      truncated: Math.max(0, all.length - limit),
    };
  });

  connection.onRequest(FoundationsDomains.type, () => ({
    folders: deps.folders().map((f) => {
      const session = f.engine;
      const base = { folderUri: uriOf(f.root), name: folderName(f) };
      if (!session) return { ...base, ready: false, domains: [] };
      if (!session.configFile) return { ...base, ready: true, unconfigured: true, domains: [] };
      return { ...base, ready: true, ...(session.configFile ? { configUri: uriOf(session.configFile) } : {}), domains: domainsOf(session, f.nestedFolders()) };
    }),
  }));

  connection.onRequest(FoundationsDebt.type, () => ({
    folders: deps.folders().map((f) => {
      const session = f.engine;
      const register = session?.debtRegister;
      const base = { folderUri: uriOf(f.root), name: folderName(f), debtUri: uriOf(register?.file ?? `${f.root}/foundations-debt.json`) };
      if (!session || !register) return { ...base, ready: false, exists: false, entries: [], problems: 0 };
      return { ...base, ready: true, exists: register.exists, entries: debtEntriesOf(session), problems: register.diagnostics.length };
    }),
  }));

  connection.onRequest(PruneDebt.type, (params) => {
    const session = folderFor(params.folderUri)?.engine;
    const change = session && pruneStaleDebt(session);
    if (!change || change.edits.length === 0) return { removed: 0 };
    return { removed: change.removed, edit: { changes: { [uriOf(change.file)]: change.edits } } };
  });

  connection.onRequest(DomainGraph.type, (params): DomainGraphResult => {
    const all = deps.folders();
    const list = all.map((f) => ({ folderUri: uriOf(f.root), name: folderName(f) }));
    const folder = params.folderUri ? folderFor(params.folderUri) : (all.find((f) => (f.engine?.config.domains.length ?? 0) > 0) ?? all[0]);
    const session = folder?.engine;
    if (!folder || !session) return { nodes: [], edges: [], cycles: [], folders: list };
    const graph = buildDomainGraph(session, folder.nestedFolders());
    return {
      folderUri: uriOf(folder.root),
      name: folderName(folder),
      nodes: graph.nodes.map((n) => ({
        name: n.name,
        path: n.path,
        uri: uriOf(`${session.root}/${n.path}`),
        owners: n.owners,
        files: n.files,
        counts: { errors: n.errors, warnings: n.warnings, infos: n.infos },
        inCycle: n.inCycle,
      })),
      edges: graph.edges.map((e) => ({ from: e.from, to: e.to, declared: e.declared, actual: e.actual, violating: e.violating, inCycle: e.inCycle, files: e.files.length })),
      cycles: graph.cycles,
      folders: list,
    };
  });

  // What each folder looked like when the client was last told: revision of its engine, or its state.
  const sent = new Map<string, string>();
  return {
    notifyIfChanged() {
      const changed: string[] = [];
      const now = new Set<string>();
      for (const f of deps.folders()) {
        const key = `${f.state}:${f.engine?.revision ?? -1}`;
        now.add(f.root);
        if (sent.get(f.root) !== key) {
          sent.set(f.root, key);
          changed.push(uriOf(f.root));
        }
      }
      for (const root of [...sent.keys()]) {
        if (!now.has(root)) {
          sent.delete(root);
          changed.push(uriOf(root));
        }
      }
      if (changed.length > 0) void connection.sendNotification(FoundationsChanged.type, { folderUris: changed });
    },
  };
}

function domainsOf(session: Session, excludeFolders: readonly string[]): DomainInfo[] {
  const graph = buildDomainGraph(session, excludeFolders);
  return graph.nodes.map((n) => ({
    name: n.name,
    uri: uriOf(`${session.root}/${n.path}`),
    path: n.path,
    owners: n.owners,
    publicApi: n.publicApi,
    publicApiFiles: n.publicApiFiles.map((p) => ({ uri: uriOf(`${session.root}/${p}`), path: p })),
    dependencies: graph.edges
      .filter((e) => e.from === n.name)
      .map((e) => ({ domain: e.to, declared: e.declared, actual: e.actual, files: e.files, inCycle: e.inCycle })),
    files: n.files,
    counts: { errors: n.errors, warnings: n.warnings, infos: n.infos },
    inCycle: n.inCycle,
  }));
}

function debtEntriesOf(session: Session): DebtEntryNode[] {
  const stale = new Set(session.staleDebt().map((e) => e.index));
  return session.debtEntries().map((e) => {
    const file = `${session.root}/${e.file}`;
    const match = stale.has(e.index) ? undefined : session.findingsFor(file).find((f) => f.ruleId === e.rule && fingerprintOf(f) === e.fingerprint);
    const mark = match?.data?.debt as DebtMark | undefined;
    return {
      index: e.index,
      rule: e.rule,
      file: e.file,
      fileUri: uriOf(file),
      fingerprint: e.fingerprint,
      reason: e.reason,
      ...(e.owner ? { owner: e.owner } : {}),
      ...(e.expires ? { expires: e.expires } : {}),
      status: stale.has(e.index) ? 'stale' : (mark?.status ?? 'accepted'),
      ...(match ? { findingRange: match.range } : {}),
      range: e.range,
    };
  });
}

