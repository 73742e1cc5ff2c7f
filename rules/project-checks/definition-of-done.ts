import type { Evidence, ProjectCheck, ProjectContext } from './project-check';
import { lineOf } from './project-check';

const DOC = /\.(md|mdx|markdown|txt|adoc|rst)$/i;
const DOD_NAME = /definition[-_ .]?of[-_ .]?done|(^|[-_./])dod([-_.]|$)/i;
const DOD_HEADING = /^(#{1,6}\s*|=+\s*)?definition\s+of\s+done\b/im;
const CHECKLIST_ITEM = /^[ \t]*[-*+][ \t]+\[[ xX]\]\s+\S/gm;

/** Where pull/merge request templates live for GitHub, GitLab, Azure DevOps and Bitbucket. */
function templates(ctx: ProjectContext): string[] {
  const candidates = [
    ...['', '.github/', 'docs/', '.azuredevops/', '.vsts/'].flatMap((d) => [`${d}pull_request_template.md`, `${d}PULL_REQUEST_TEMPLATE.md`]),
    ...ctx.listFiles('.github/PULL_REQUEST_TEMPLATE', 0),
    ...ctx.listFiles('.github/pull_request_template', 0),
    ...ctx.listFiles('.gitlab/merge_request_templates', 0),
    ...ctx.listFiles('.bitbucket', 0).filter((f) => /pull.?request/i.test(f)),
  ];
  return [...new Set(candidates.filter((f) => DOC.test(f) && ctx.exists(f)))];
}

export const definitionOfDone: ProjectCheck = {
  id: 'definition-of-done',
  foundation: 'quality-discipline',
  title: 'A written Definition of Done',
  rationale:
    'A clear Definition of Done: "done" means the same thing to everyone — tested, reviewed, documented, deployable — and it is written down where every change passes by. Without it, quality depends on who picked up the ticket, and manual testing quietly becomes the only safety net.',
  help: 'Write it down: a `DEFINITION_OF_DONE.md` (or a "Definition of Done" section in CONTRIBUTING.md), or a pull request template with a checklist (`.github/pull_request_template.md` with `- [ ]` items).',
  run(ctx) {
    const evidence: Evidence[] = [];
    const docs = [...ctx.listFiles('', 0), ...ctx.listFiles('docs', 2), ...ctx.listFiles('.github', 0), ...ctx.listFiles('doc', 1)].filter((f) => DOC.test(f));
    for (const file of docs) {
      const base = file.slice(file.lastIndexOf('/') + 1);
      if (DOD_NAME.test(base)) {
        evidence.push({ file, note: 'the Definition of Done' });
        continue;
      }
      const text = ctx.read(file) ?? '';
      const line = lineOf(text, DOD_HEADING);
      if (line !== undefined) evidence.push({ file, line, note: 'a "Definition of Done" section' });
    }
    const withoutChecklist: Evidence[] = [];
    for (const file of templates(ctx)) {
      const text = ctx.read(file) ?? '';
      const items = text.match(CHECKLIST_ITEM)?.length ?? 0;
      if (items > 0) evidence.push({ file, line: lineOf(text, /^[ \t]*[-*+][ \t]+\[[ xX]\]/m), note: `a pull request checklist of ${items} item${items === 1 ? '' : 's'}` });
      else withoutChecklist.push({ file, note: 'a pull request template without a checklist' });
    }
    if (evidence.length > 0) {
      return { status: 'pass', summary: `The Definition of Done is written down (${evidence[0].file}).`, evidence: [...evidence, ...withoutChecklist] };
    }
    return {
      status: 'fail',
      summary:
        withoutChecklist.length > 0
          ? `The pull request template (${withoutChecklist[0].file}) has no checklist, and no document defines "done".`
          : 'Nothing defines "done": no DEFINITION_OF_DONE.md, no "Definition of Done" section, no pull request checklist.',
      evidence: withoutChecklist,
    };
  },
};
