// A progress bar on stderr: redrawn in place on a terminal, a line per 10% in a log.
export function progressBar(label: string, total: number) {
  const width = 30;
  const step = process.stderr.isTTY ? 1 : 10;
  const started = Date.now();
  let done = 0;
  let shown = -1;
  const draw = () => {
    const fraction = total === 0 ? 1 : done / total;
    const percent = Math.floor((fraction * 100) / step) * step;
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round(fraction * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const line = `  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${seconds}s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
  return {
    tick(n = 1) {
      done += n;
      draw();
    },
    done() {
      done = total;
      draw();
      if (process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}
