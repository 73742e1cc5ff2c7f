import { addDebtEntry } from '../debt/debt-edits';
import { type Fix, FixError } from './fix';

export const acceptAsDebt: Fix = {
  id: 'accept-as-debt',
  rules: '*',
  offer(finding) {
    return {
      fixId: this.id,
      title: `Accept as debt… (${finding.ruleId})`,
      kind: 'quickfix',
      input: { kind: 'reason-and-expiry', prompt: 'Why does the team accept this for now? (recorded in the debt register)' },
    };
  },
  edit(finding, ctx, args) {
    const register = `${ctx.root}/${ctx.config.debt}`;
    const current = ctx.readFile(register);
    let change;
    try {
      change = addDebtEntry(register, current, ctx.root, finding, { reason: args.reason ?? '', ...(args.expiry ? { expires: args.expiry } : {}) });
    } catch (err) {
      throw new FixError((err as Error).message);
    }
    return change.exists || current !== undefined
      ? { edits: [{ file: register, edits: change.edits }], creates: [], deletes: [] }
      : { edits: [], creates: [{ file: register, text: change.text }], deletes: [] };
  },
};
