/**
 * The loop of the service's background workers (the search relay, the mail worker): runs `round` until stopped —
 * at once again when it reports more work, otherwise after `pauseMs`. A round that throws is reported and the next
 * one comes after the pause, so a database or SMTP outage never ends the loop; `stop()` waits for the round in
 * progress, so a shutdown does not cut a batch in half.
 */
export function repeatUntilStopped(
  round: () => Promise<'meer' | void>,
  options: { pauseMs: number; onError: (error: unknown) => void },
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      if ((await round()) === 'meer') {
        running = tick();
        return;
      }
    } catch (error) {
      options.onError(error);
    }
    if (!stopped) {
      timer = setTimeout(() => {
        running = tick();
      }, options.pauseMs);
    }
  };
  running = tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
