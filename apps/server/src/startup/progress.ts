/** One status line on stderr that rewrites itself on a terminal and prints every 10% elsewhere. */
export function progressPrinter(label: string): (done: number, total: number) => void {
  let lastDecile = -1;
  const tty = process.stderr.isTTY;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (tty) {
      process.stderr.write(`\r${label}: ${pct}% (${done.toLocaleString("en")}/${total.toLocaleString("en")})`);
      if (done >= total) process.stderr.write("\n");
      return;
    }
    const decile = Math.floor(pct / 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      process.stderr.write(`${label}: ${pct}% (${done}/${total})\n`);
    }
  };
}
