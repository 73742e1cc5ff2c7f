import { logicFacts } from '../semantic/logic-signals';
import { DEFAULT_MIN_SCORE, reportLogic } from '../semantic/logic-findings';
import type { FileRule } from './rule';

export const logicInIntegration: FileRule = {
  id: 'logic-in-integration',
  scope: 'file',
  foundation: 'clean-architecture',
  defaultSeverity: 'warning',
  description: 'An adapter, handler, consumer or client file holds business logic.',
  rationale:
    'Integration code translates: it parses a request, calls the core, maps the answer to a response, retries a flaky vendor. When a handler or a queue consumer also decides prices, eligibility, credit limits or state transitions, the same rule ends up implemented once per entry point (HTTP, queue, cron, webhook) and each copy drifts; the rule cannot be tested without a server or a broker, and replacing the transport means rewriting the business. The rule scores each function on explainable evidence (rates applied to domain values, comparisons against business thresholds, branches on domain state that pick amounts or states, multi-condition decisions, state-transition tables, caps, bonus amounts) and ignores request parsing and shape validation, DTO mapping, error-to-status mapping, pagination and transport retries or backoff.',
  help: `Move the decision to the domain's core (the finding names the folder) and have the handler call it; the integration layer keeps parsing, mapping and transport. Tune the threshold with \`"logic-in-integration": ["warning", { "minScore": ${DEFAULT_MIN_SCORE} }]\`; each finding lists the signals that fired and their score.`,
  collectors: [logicFacts],
  check(ctx) {
    reportLogic(ctx, 'integration', 'integration code');
  },
};
