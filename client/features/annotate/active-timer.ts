/**
 * Active time on one solution, in milliseconds: it runs only while the page is visible.
 * Plain class with an injectable clock (tested without a browser); use-active-timer.ts wires
 * it to the page's visibility. `elapsed()` is what the server has not recorded yet.
 */
export class ActiveTimer {
  private recorded = 0;
  private runningSince: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  resume(): void {
    if (this.runningSince === null) this.runningSince = this.now();
  }

  pause(): void {
    if (this.runningSince === null) return;
    this.recorded += this.now() - this.runningSince;
    this.runningSince = null;
  }

  get running(): boolean {
    return this.runningSince !== null;
  }

  /** Whole active milliseconds not yet sent to (and stored by) the server. */
  elapsed(): number {
    const current = this.runningSince === null ? 0 : this.now() - this.runningSince;
    return Math.max(0, Math.round(this.recorded + current));
  }

  /** The server stored `ms` of the elapsed time (a save succeeded): stop counting it. */
  consume(ms: number): void {
    this.recorded -= ms;
  }
}
