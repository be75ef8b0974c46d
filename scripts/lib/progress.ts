/**
 * A progress line on stderr for long commands: redrawn in place on a terminal, one line per ~10% otherwise (CI logs).
 */
export function progressBar(label: string) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done: number, total: number) => {
    const fraction = total === 0 ? 1 : done / total;
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? Math.round(done / elapsed) : 0;
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    const width = 30;
    const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
    const line = `${label} ${bar} ${done.toLocaleString('nl-NL')}/${total.toLocaleString('nl-NL')} (${rate.toLocaleString('nl-NL')}/s, nog ~${eta}s)`;
    if (tty) {
      process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile || done >= total) {
        lastDecile = decile;
        process.stderr.write(`${line}\n`);
      }
    }
  };
}
