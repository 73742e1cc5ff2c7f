import { ciPipeline } from './ci-pipeline';
import { contractTests } from './contract-tests';
import { coreTests } from './core-tests';
import { definitionOfDone } from './definition-of-done';
import { environmentSeparation } from './environment-separation';
import { logging } from './logging';
import type { ProjectCheck, ProjectCheckResult, ProjectContext } from './project-check';
import { rollback } from './rollback';

/** Every project-level check, in the order of the playbook's foundations. */
export const PROJECT_CHECKS: readonly ProjectCheck[] = [ciPipeline, environmentSeparation, logging, rollback, coreTests, contractTests, definitionOfDone];

/** Runs every check; one that is off, or that throws on odd input, is reported as such and never stops the others. */
export function runProjectChecks(ctx: ProjectContext): ProjectCheckResult[] {
  return PROJECT_CHECKS.map((check) => {
    const base = { id: check.id, foundation: check.foundation, title: check.title };
    if (ctx.config.projectChecks.get(check.id) === 'off') {
      return { ...base, status: 'not-applicable', summary: `Turned off in foundations.json ("projectChecks": { "${check.id}": "off" }).`, evidence: [] };
    }
    try {
      return { ...base, ...check.run(ctx) };
    } catch (err) {
      return { ...base, status: 'not-applicable', summary: `The check could not run: ${(err as Error).message}`, evidence: [] };
    }
  });
}

export type { ProjectCheck, ProjectCheckMeta, ProjectCheckResult, ProjectCheckStatus, Evidence } from './project-check';
