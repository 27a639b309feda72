// Work a process repeats in the background: once when it starts, then every `intervalMs`. No
// cron: the timer does not keep the process alive, runs never overlap, and a failed run is
// reported and tried again at the next one.
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    const tick = () => {
      if (this.running) return;
      this.running = true;
      this.run()
        .catch(this.onError)
        .finally(() => (this.running = false));
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
