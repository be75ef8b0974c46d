import t from 'tap';
import { repeatUntilStopped } from '../../src/background/repeat.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

t.test('a round with more work runs again at once; otherwise after the pause', async (t) => {
  const times: number[] = [];
  let left = 3;
  const loop = repeatUntilStopped(
    async () => {
      times.push(performance.now());
      return left-- > 0 ? 'meer' : undefined;
    },
    { pauseMs: 300, onError: () => {} },
  );
  await sleep(150);
  t.equal(times.length, 4, 'three rounds with more work, then the one that found none, without waiting');
  await sleep(300);
  t.equal(times.length, 5, 'then one after the pause');
  await loop.stop();
});

t.test('a failing round is reported and the loop goes on; stop waits for the round in progress', async (t) => {
  const errors: unknown[] = [];
  let rounds = 0;
  let finished = false;
  const loop = repeatUntilStopped(
    async () => {
      rounds++;
      if (rounds === 1) throw new Error('database down');
      await sleep(100);
      finished = true;
    },
    { pauseMs: 20, onError: (error) => errors.push(error) },
  );
  await sleep(60);
  t.equal(errors.length, 1, 'the error was reported');
  t.equal(rounds, 2, 'the next round ran after the pause');
  await loop.stop();
  t.ok(finished, 'stop() returned only after the round in progress finished');
  await sleep(60);
  t.equal(rounds, 2, 'no round after stop');
});
