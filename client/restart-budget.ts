/** What to do after the server stopped unexpectedly. */
export interface RestartDecision {
  restart: boolean;
  /** Wait this long before starting it again (a server that crashes at start must not spin). */
  delayMs: number;
  /** For the user: what happened and what happens next. */
  message: string;
}

export interface RestartBudgetOptions {
  /** Restarts allowed within `windowMs` before giving up. */
  maxRestarts: number;
  windowMs: number;
  /** The first restart waits this long; each further one in the window twice as long, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  now?: () => number;
}

/**
 * The restart policy of the extension, without VS Code so it can be tested: a crashed server is
 * restarted with an exponential back-off, a limited number of times per window, and each
 * decision comes with a message saying so.
 */
export class RestartBudget {
  private readonly restarts: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: RestartBudgetOptions) {
    this.now = options.now ?? Date.now;
  }

  onCrash(): RestartDecision {
    const { maxRestarts, windowMs, baseDelayMs, maxDelayMs } = this.options;
    const now = this.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > windowMs) this.restarts.shift();
    if (this.restarts.length >= maxRestarts) {
      return {
        restart: false,
        delayMs: 0,
        message: `The Foundations server stopped ${maxRestarts} times in ${Math.round(windowMs / 60000)} minutes and will not be restarted. See the output for details; run "Foundations: Restart Server" to try again.`,
      };
    }
    const delayMs = Math.min(maxDelayMs, baseDelayMs * 2 ** this.restarts.length);
    this.restarts.push(now);
    return {
      restart: true,
      delayMs,
      message: `The Foundations server stopped unexpectedly and is restarted in ${delayMs < 1000 ? `${delayMs} ms` : `${delayMs / 1000} s`} (${this.restarts.length} of ${maxRestarts}).`,
    };
  }

  /** A restart the user asked for starts a fresh budget. */
  reset(): void {
    this.restarts.length = 0;
  }
}
