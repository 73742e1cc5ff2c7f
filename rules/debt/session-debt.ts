import type { Finding } from '../model';
import type { DebtEntry } from './debt-register';
import type { Session } from '../session';
import { type DebtFileChange, type NewDebtEntry, addDebtEntries, addDebtEntry, removeDebtEntries } from './debt-edits';

/**
 * "Accept as debt…": the change to the register that accepts `finding` with a reason (and
 * optionally an owner and an expiry), against the register's current text — the open buffer if
 * it is being edited. The caller applies it (one workspace edit) or writes `text`.
 */
export function acceptAsDebt(session: Session, finding: Finding, entry: NewDebtEntry): DebtFileChange {
  const file = session.debtRegister.file;
  return addDebtEntry(file, session.host.readFile(file), session.root, finding, entry);
}

/** `foundations debt accept`: the change that accepts every one of `findings` with one reason (the baseline of a code base). */
export function acceptAllAsDebt(session: Session, findings: readonly Finding[], entry: NewDebtEntry): DebtFileChange {
  const file = session.debtRegister.file;
  return addDebtEntries(file, session.host.readFile(file), session.root, findings, entry);
}

/** The change that removes the stale entries of the register (all of them by default); undefined when none is stale. */
export function pruneStaleDebt(session: Session, stale: readonly DebtEntry[] = session.staleDebt()): (DebtFileChange & { removed: number }) | undefined {
  const file = session.debtRegister.file;
  const text = session.host.readFile(file);
  if (stale.length === 0 || text === undefined) return undefined;
  return { ...removeDebtEntries(file, text, stale.map((e) => e.index)), removed: stale.length };
}
