import { retryDelayMs } from './autosave-decisions';

export interface AutosaverOptions {
  /** Save this long after the last change… */
  debounceMs?: number;
  /** …but no later than this after the first unsaved one. */
  maxWaitMs?: number;
}

/**
 * When to save a draft to the server: debounced after each change, never later than maxWait
 * after the first unsaved change, one save at a time, retried with back-off after a failure.
 * DOM-free (plain timers, tested with fake ones); what a save is and whether one is due come
 * from the caller.
 */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  private inFlight: Promise<boolean> | null = null;
  private failures = 0;
  private disposed = false;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(
    /** Saves the current draft; resolves true when the server stored it. */
    private readonly save: () => Promise<boolean>,
    /** Is a save due now (dirty, not waiting for the person to resolve a conflict)? */
    private readonly due: () => boolean,
    options: AutosaverOptions = {},
    private readonly now: () => number = () => Date.now(),
  ) {
    this.debounceMs = options.debounceMs ?? 1200;
    this.maxWaitMs = options.maxWaitMs ?? 3000;
  }

  /** The draft changed. */
  changed(): void {
    if (this.disposed) return;
    const now = this.now();
    this.firstChangeAt ??= now;
    // After failures, wait for the retry (or the `online` event) instead of hammering.
    if (this.failures > 0) return;
    const delay = Math.max(0, Math.min(this.debounceMs, this.firstChangeAt + this.maxWaitMs - now));
    this.schedule(delay);
  }

  /** Try now (the browser is back online, or the person asked). */
  retry(): void {
    if (this.disposed) return;
    this.failures = 0;
    if (this.due()) this.schedule(0);
  }

  /** Saves now if a save is due, after any save already running; true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (!this.due()) return true;
    return this.run();
  }

  /** Cancels pending saves and waits for the running one (before a submission takes over). */
  async settle(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    this.clearTimer();
  }

  get failedSaves(): number {
    return this.failures;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<boolean> {
    if (this.inFlight) return this.inFlight;
    if (!this.due()) {
      // Nothing to save (any more): a later change starts afresh, without back-off.
      this.firstChangeAt = null;
      this.failures = 0;
      return true;
    }
    this.firstChangeAt = null;
    const attempt = this.save().catch(() => false);
    this.inFlight = attempt;
    const ok = await attempt;
    this.inFlight = null;
    if (this.disposed) return ok;
    if (ok) {
      this.failures = 0;
      // Edits made while the save ran are due in their turn.
      if (this.due()) this.changed();
    } else if (this.due()) {
      this.failures += 1;
      this.schedule(retryDelayMs(this.failures));
    }
    return ok;
  }
}
