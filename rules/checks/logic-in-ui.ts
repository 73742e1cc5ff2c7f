import { logicFacts } from '../semantic/logic-signals';
import { DEFAULT_MIN_SCORE, reportLogic } from '../semantic/logic-findings';
import type { FileRule } from './rule';

export const logicInUi: FileRule = {
  id: 'logic-in-ui',
  scope: 'file',
  foundation: 'clean-architecture',
  defaultSeverity: 'warning',
  description: 'A UI file holds business logic (decisions and calculations on domain data).',
  rationale:
    'A rule that lives in a component is a rule nobody can find, test or reuse: the discount shown in the basket drifts from the one charged at checkout, the mobile app re-implements it, and changing it means hunting through rendering code. Business decisions — prices and discounts, eligibility, limits, fees, state transitions — belong in the domain core, where they are tested once and called from every screen; the UI formats and renders what the core decided. The rule scores each function on explainable evidence (rates applied to domain values, comparisons against business thresholds, branches on domain state that pick amounts or states, multi-condition eligibility decisions, state-transition tables, caps, bonus amounts) and ignores formatting, layout math, CSS toggles, sorting and paging for display, loading/error/empty branches and input validation.',
  help: `Move the function to the domain's core (the finding names the folder) and call it from the component; keep only formatting and rendering in the UI. Tune the threshold with \`"logic-in-ui": ["warning", { "minScore": ${DEFAULT_MIN_SCORE} }]\` (higher reports less); each finding lists the signals that fired and their score.`,
  collectors: [logicFacts],
  check(ctx) {
    reportLogic(ctx, 'ui', 'UI code');
  },
};
