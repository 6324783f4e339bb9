/** `--name value` and `--flag` pairs after the subcommand; unknown names are the caller's to reject. */
export function parseArgs(argv: string[]): { options: Map<string, string | true>; positional: string[] } {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) options.set(a.slice(2), argv[++i]);
    else options.set(a.slice(2), true);
  }
  return { options, positional };
}

export function stringOption(options: Map<string, string | true>, name: string): string | undefined {
  const v = options.get(name);
  if (v === true) throw new Error(`--${name} needs a value`);
  return v;
}
