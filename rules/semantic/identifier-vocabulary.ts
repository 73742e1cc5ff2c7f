/**
 * What the names in an expression say about the role of its value. Only the roles that are NOT
 * business data are named here — transport, paging, layout, text input, errors — because those are
 * the same words in every code base; what the business calls its data differs from one to the next,
 * so it is never listed.
 */

/** `unitPriceCents` → unit, price, cents; `MAX_RETRIES` → max, retries; `progress_pct` → progress, pct. */
const wordCache = new Map<string, string[]>();

export function wordsOf(identifier: string): string[] {
  const cached = wordCache.get(identifier);
  if (cached) return cached;
  if (wordCache.size > 20_000) wordCache.clear();
  const words = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  wordCache.set(identifier, words);
  return words;
}

/** Retries, timing, caching, connection handling: how a message travels, not what it means. */
const TRANSPORT = new Set([
  'attempt', 'attempts', 'retry', 'retries', 'retrying', 'backoff', 'delay', 'delays', 'timeout', 'timeouts', 'ttl', 'jitter',
  'sleep', 'wait', 'interval', 'poll', 'polling', 'throttle', 'debounce', 'expires', 'expiry', 'expire', 'expired', 'cache',
  'cached', 'stale', 'reset', 'header', 'headers', 'deliveries', 'redelivery', 'concurrency', 'prefetch', 'batch', 'chunk',
  'buffer', 'port', 'socket', 'backpressure', 'latency', 'latencies', 'elapsed', 'uptime', 'heartbeat', 'exit', 'percentile',
  'query', 'fetch', 'fetching', 'mutation', 'refetch',
]);

/** Paging, indexing, ordering: how a list is shown. */
const PAGING = new Set(['page', 'pages', 'pagesize', 'perpage', 'offset', 'cursor', 'skip', 'index', 'idx', 'step', 'steps']);

/** Geometry and visual state: how something is drawn. */
const LAYOUT = new Set([
  'width', 'height', 'px', 'padding', 'margin', 'font', 'radius', 'scale', 'zoom', 'opacity', 'percent', 'pct', 'progress',
  'bar', 'column', 'columns', 'scroll', 'viewport', 'inner', 'outer', 'chart', 'pixel', 'pixels', 'hue', 'hash', 'seed',
  'rem', 'em', 'stroke', 'svg', 'canvas', 'grid', 'gap', 'spacing', 'offsetx', 'offsety',
  'col', 'cols', 'layout', 'layouts', 'aspect', 'tile', 'tiles', 'breakpoint', 'breakpoints', 'gutter', 'gutters', 'mosaic',
]);

/** Single-letter and geometric names that are whole identifiers, never parts of one. */
const EXACT = new Set(['i', 'j', 'k', 'x', 'y', 'dx', 'dy', 'size', 'top', 'left', 'right', 'bottom']);

/** Failure handling: mapping errors is transport. */
const ERRORS = new Set(['error', 'errors', 'err', 'exception', 'failure', 'failures', 'issue', 'issues', 'problem', 'problems']);

/** Free text typed by a person: its length and shape are input validation. */
const TEXT = new Set([
  'text', 'str', 'string', 'chars', 'word', 'words', 'name', 'email', 'phone', 'password', 'reason', 'comment', 'note',
  'notes', 'query', 'search', 'input', 'value', 'code', 'trimmed', 'raw', 'digits', 'label', 'title', 'description',
  'message', 'slug', 'username', 'address', 'field', 'fields', 'body', 'token', 'needle', 'term',
]);

/** Names of values that end up on screen or in a log, not in a decision. */
const PRESENTATION = new Set([
  'label', 'labels', 'text', 'title', 'message', 'caption', 'class', 'classname', 'classes', 'style', 'styles', 'tone',
  'variant', 'icon', 'color', 'colour', 'theme', 'emphasis', 'highlight', 'tooltip', 'aria', 'width', 'height', 'percent',
  'pct', 'progress', 'format', 'formatted', 'display', 'css', 'font', 'placeholder', 'hint', 'badge', 'animation', 'visible',
  'hidden', 'open', 'expanded', 'collapsed', 'selected', 'active', 'disabled', 'show', 'hide', 'render', 'html', 'markup',
  'fontsize', 'bucket', 'emoji', 'plural', 'suffix', 'prefix', 'locale', 'i18n', 'translation', 'tracking', 'analytics',
  'description', 'summary', 'detail', 'details', 'subtitle', 'heading',
  'log', 'metric', 'metrics', 'spinner', 'loading',
]);

/** Callees whose arguments are shown, logged, scheduled or translated rather than decided on. */
const PRESENTATION_CALLEE = /^(format\w*|to(Fixed|Precision|LocaleString|LocaleDateString|LocaleTimeString|String)|t|translate|i18n|track\w*|log\w*|info|warn|debug|error|emit|classNames|clsx|cx|cn|setTimeout|setInterval|sleep|delay|wait|pluralize|plural|select|append|set(Header|Attribute|Property)|toUpperCase|toLowerCase|padStart|padEnd|repeat|replace\w*|join|concat|render\w*|status|code|header|setState)$/;

function anyWord(identifiers: readonly string[], vocab: ReadonlySet<string>): boolean {
  return identifiers.some((id) => wordsOf(id).some((w) => vocab.has(w)));
}

/** Names that say the value is about transport, paging, layout or errors — not business data. */
export function isNonDomainName(identifiers: readonly string[]): boolean {
  return (
    identifiers.some((id) => EXACT.has(id) || /ratelimit|retryafter|pagesize|perpage|statuscode/i.test(id)) ||
    anyWord(identifiers, TRANSPORT) ||
    anyWord(identifiers, PAGING) ||
    anyWord(identifiers, LAYOUT) ||
    anyWord(identifiers, ERRORS)
  );
}

/** Names of free text (for `.length` checks: input validation). */
export function isTextName(identifiers: readonly string[]): boolean {
  return anyWord(identifiers, TEXT);
}

/** A variable or property that holds something to show. */
export function isPresentationName(identifier: string): boolean {
  if (/^set[A-Z]/.test(identifier)) return true;
  return wordsOf(identifier).some((w) => PRESENTATION.has(w));
}

export function isPresentationCallee(name: string): boolean {
  return PRESENTATION_CALLEE.test(name) || /^set[A-Z]/.test(name);
}
