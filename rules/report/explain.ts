import * as path from 'node:path';
import { RULES } from '../checks';
import type { DebtMark } from '../debt/debt-register';
import { cycleClosedByDeclaring } from '../graph/declared-cycle';
import { publicImportFor } from '../graph/public-import';
import type { Finding } from '../model';
import type { Session } from '../session';
import { foundationTitle } from './rule-docs';

/** What a hover says about a finding: data, so the server only turns it into markdown. */
export interface Explanation {
  ruleId: string;
  /** "Clean architecture baseline", or undefined for a user's own rule. */
  foundation?: string;
  severity: Finding['severity'];
  message: string;
  /** What the finding is about (the imported file, or the file itself) and who owns it. */
  target?: { file?: string; domain?: string; owners: string[] };
  /** The allowed way, in markdown. */
  instead: string;
  /** The rule's rationale, in one paragraph. */
  why?: string;
  debt?: DebtMark;
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** Explains a finding: the rule, the owning domain and owners of the target, and the allowed way instead. */
export function explainFinding(session: Session, finding: Finding): Explanation {
  const rule = RULES.find((r) => r.id === finding.ruleId);
  const model = session.workspaceModel;
  const data = finding.data ?? {};
  const from = model.membership(finding.file);
  const targetFile = typeof data.target === 'string' ? data.target : undefined;
  const targetMembership = targetFile ? model.membership(`${session.root}/${targetFile}`) : from;
  const targetDomain = (finding.domains?.to ? model.domain(finding.domains.to) : undefined) ?? targetMembership.domain;
  const explanation: Explanation = {
    ruleId: finding.ruleId,
    foundation: rule ? foundationTitle(rule.foundation) : undefined,
    severity: finding.severity,
    message: stripDebtPrefix(finding),
    target: {
      ...(targetFile ? { file: targetFile } : { file: from.workspaceRelative }),
      ...(targetDomain ? { domain: targetDomain.name } : {}),
      owners: targetDomain?.owners ?? [],
    },
    instead: rule?.help ?? "See the rule's comment in the dependency-cruiser configuration.",
    why: rule?.rationale,
    ...(data.debt ? { debt: data.debt as DebtMark } : {}),
  };
  const specifier = typeof data.specifier === 'string' ? data.specifier : undefined;
  const workspace = { model, graph: session.importGraph, files: () => session.files() };
  const fromDomain = from.domain;
  switch (finding.ruleId) {
    case 'public-api-bypass': {
      if (!targetDomain) break;
      const api = publicImportFor(workspace, finding.file, targetDomain);
      const names = Array.isArray(data.names) ? (data.names as string[]).filter((n) => n !== '*' && n !== 'default') : [];
      const owners = targetDomain.owners.length > 0 ? ` — a decision for ${targetDomain.owners.join(', ')}` : ` — a decision for domain "${targetDomain.name}"`;
      explanation.instead =
        (api ? `Import from ${code(api.specifier)} (the public API of ${targetDomain.name}, ${code(api.file)}) instead of ${code(specifier ?? targetFile ?? '')}.` : `Import through the public API of ${targetDomain.name}.`) +
        (names.length > 0 && api ? ` If ${names.map(code).join(', ')} ${names.length === 1 ? 'is' : 'are'} not exported there, export ${names.length === 1 ? 'it' : 'them'} from ${code(api.file)} first${owners}.` : '');
      break;
    }
    case 'cross-domain-import': {
      if (!fromDomain || !targetDomain) break;
      const allowed = fromDomain.dependsOn.length > 0 ? fromDomain.dependsOn.map(code).join(', ') : 'no other domain';
      const otherWays = `move the code to the domain that owns it, or invert the dependency (${targetDomain.name} calls ${fromDomain.name} through an interface or an event)`;
      const declaration = `${code(`"${targetDomain.name}"`)} to ${code(`domains.${fromDomain.name}.dependsOn`)}`;
      const cycle = cycleClosedByDeclaring(session.config, fromDomain.name, targetDomain.name);
      if (cycle) {
        explanation.instead = `${code(fromDomain.name)} may import ${allowed}. Do not declare the dependency: adding ${declaration} would close the cycle ${cycle.map(code).join(' → ')}. Instead, ${otherWays}.`;
        break;
      }
      const api = publicImportFor(workspace, finding.file, targetDomain);
      explanation.instead =
        `${code(fromDomain.name)} may import ${allowed}. Either declare the dependency — add ${declaration} in foundations.json` +
        `${api ? `, then import from ${code(api.specifier)} (its public API)` : ''} — or ${otherWays}.`;
      break;
    }
    case 'domain-cycle': {
      const cycle = Array.isArray(data.cycle) ? (data.cycle as string[]) : [];
      explanation.instead = `${cycle.length > 0 ? `The cycle is ${cycle.map(code).join(' → ')}. ` : ''}${rule?.help ?? ''}`;
      break;
    }
    case 'layer-violation': {
      const layer = finding.layers?.from;
      const allowed = layer ? session.config.layerDependencies.get(layer) : undefined;
      if (!fromDomain || !layer || !allowed) break;
      explanation.instead = `In ${fromDomain.name}, the ${layer} layer may import ${[...allowed].map(code).join(', ')}, not ${code(finding.layers?.to ?? '?')}. ${rule?.help ?? ''}`;
      break;
    }
    case 'database-access-outside-data-layer':
    case 'third-party-outside-adapter': {
      const pkg = typeof data.package === 'string' ? data.package : specifier;
      const layer = finding.ruleId === 'database-access-outside-data-layer' ? 'data' : 'integration';
      if (!fromDomain || !pkg) break;
      const wrapper = session
        .files()
        .find((f) => {
          const m = model.membership(f);
          return m.domain === fromDomain && m.layer === layer && session.importGraph.importsOf(f).some((i) => i.target.kind === 'external' && (i.specifier === pkg || i.specifier.startsWith(`${pkg}/`)));
        });
      const place = layer === 'data' ? 'a repository in the data layer' : 'an adapter in the integration layer';
      explanation.instead = wrapper
        ? `${code(model.membership(wrapper).workspaceRelative)} already uses ${code(pkg)} in ${fromDomain.name}'s ${layer} layer: call it (add what you need there) instead of importing ${code(pkg)} here.`
        : `Put the use of ${code(pkg)} in ${place} of ${fromDomain.name} (e.g. ${code(`${fromDomain.path}/${layer === 'data' ? 'data' : 'adapters'}/`)}) and call that from here.`;
      break;
    }
    case 'unassigned-file': {
      const folder = typeof data.folder === 'string' ? data.folder : path.posix.dirname(from.workspaceRelative);
      const name = folder.split('/').pop() ?? folder;
      explanation.instead = `Give ${code(folder)} an owner: add ${code(`"${name}": { "path": "${folder}" }`)} to \`domains\` in foundations.json, move the file into an existing domain, or list it under \`exclude\` if it is not application code.`;
      break;
    }
    case 'console-in-core': {
      const logger = loggerOf(session);
      explanation.instead = logger
        ? `Log through ${code(logger)} (this project's logger) instead: inject it, or import it where the core may reach it.`
        : (rule?.help ?? explanation.instead);
      break;
    }
  }
  return explanation;
}

/** The message without the debt prefix the register adds (the explanation says it separately). */
function stripDebtPrefix(finding: Finding): string {
  if (!finding.data?.debt) return finding.message;
  const i = finding.message.indexOf('): ');
  return i >= 0 ? finding.message.slice(i + 3) : finding.message;
}

function loggerOf(session: Session): string | undefined {
  const text = session.host.readFile(`${session.root}/package.json`);
  if (text) {
    try {
      const deps = (JSON.parse(text) as { dependencies?: Record<string, string> }).dependencies ?? {};
      const found = Object.keys(deps).find((d) => /^(pino|winston|bunyan|log4js|loglevel|consola|tslog|signale|roarr)$/.test(d));
      if (found) return found;
    } catch {
      // not JSON: no logger known
    }
  }
  return session.files().map((f) => session.workspaceModel.membership(f).workspaceRelative).find((f) => /(^|\/)(logger|logging)\.[cm]?[jt]s$/.test(f));
}
