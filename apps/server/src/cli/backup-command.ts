import path from "node:path";
import { backupHome } from "../backup/backup.js";
import { restoreHome } from "../backup/restore.js";
import { readEnv } from "../env.js";
import { parseArgs, stringOption } from "./args.js";

export const BACKUP_USAGE = `zhichan backup --out <dir> [--home <dir>] [--keys-out <dir>]
  a consistent copy of the home (default ZHICHAN_HOME) while the server runs: the database (SQLite online backup),
  case attachments, published content's files, audit checkpoints, and manifest.json with every file's SHA-256.
  The keys (data.key, audit.key) are copied only with --keys-out, into a folder of their own: keep it apart.
zhichan restore --from <dir> [--home <dir>] [--keys-from <dir>] [--force]
  rebuilds the home from a backup after checking every file's hash (stop the server first); the search index is
  rebuilt at the next start. A home that is not empty is refused, or with --force moved aside.`;

function options(argv: string[], allowed: string[]) {
  const { options: o, positional } = parseArgs(argv);
  if (positional.length) throw new Error(`unexpected ${positional[0]}\n${BACKUP_USAGE}`);
  for (const k of o.keys()) if (!allowed.includes(k)) throw new Error(`unknown option --${k}\n${BACKUP_USAGE}`);
  return o;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

export async function runBackupCommand(argv: string[]): Promise<void> {
  const o = options(argv, ["out", "home", "keys-out"]);
  const out = stringOption(o, "out");
  if (!out) throw new Error(`--out is required\n${BACKUP_USAGE}`);
  const keysOut = stringOption(o, "keys-out");
  const m = await backupHome({
    home: path.resolve(stringOption(o, "home") ?? readEnv().home),
    out: path.resolve(out),
    keysOut: keysOut ? path.resolve(keysOut) : undefined,
    onProgress: say,
  });
  const bytes = m.files.reduce((s, f) => s + f.bytes, 0);
  process.stdout.write(
    `backup written · 备份完成: ${path.resolve(out)} — ${m.files.length} files, ${(bytes / 1048576).toFixed(1)} MiB, ` +
      `${Object.keys(m.tables).length} tables, migration ${m.migration}${keysOut ? `; keys in ${path.resolve(keysOut)}` : "; keys NOT included (--keys-out)"}\n`,
  );
}

export async function runRestoreCommand(argv: string[]): Promise<void> {
  const o = options(argv, ["from", "home", "keys-from", "force"]);
  const from = stringOption(o, "from");
  if (!from) throw new Error(`--from is required\n${BACKUP_USAGE}`);
  const keysFrom = stringOption(o, "keys-from");
  const home = path.resolve(stringOption(o, "home") ?? readEnv().home);
  const r = restoreHome({
    from: path.resolve(from),
    home,
    keysFrom: keysFrom ? path.resolve(keysFrom) : undefined,
    force: o.get("force") === true,
    onProgress: say,
  });
  process.stdout.write(
    `restored · 恢复完成: ${home} from the backup of ${r.manifest.createdAt} — ${r.files} files, table counts match` +
      (r.movedAside ? `; the old home is at ${r.movedAside}` : "") +
      (r.keysRestored.length
        ? `; keys: ${r.keysRestored.join(", ")}`
        : "; no keys restored: put data.key and audit.key back (or set ZHICHAN_DATA_KEY / ZHICHAN_AUDIT_KEY) before starting") +
      "\n",
  );
}
