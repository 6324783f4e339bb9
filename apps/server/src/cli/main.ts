import { ADMIN_USAGE, runAdminCommand } from "./admin.js";
import { AUDIT_USAGE, runAuditCommand } from "./audit.js";
import { BACKUP_USAGE, runBackupCommand, runRestoreCommand } from "./backup-command.js";
import { IMPORT_USAGE, runImportCommand } from "./import-command.js";

const USAGE = `usage: zhichan <command>
  serve      start the server (same as npm start)
  import     load data into the database
  admin      one-time code to create an administrator (no default accounts)
  audit      verify the audit log's hash chain
  backup     a consistent copy of the home while it serves
  restore    rebuild a home from a backup
${IMPORT_USAGE}
${ADMIN_USAGE}
${AUDIT_USAGE}
${BACKUP_USAGE}`;

/** `zhichan <command> …` — one entry point; each command lives in its own file. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "import":
      await runImportCommand(rest);
      return;
    case "serve": {
      const { startServer } = await import("../main.js");
      await startServer();
      return;
    }
    case "admin":
      await runAdminCommand(rest);
      return;
    case "audit":
      await runAuditCommand(rest);
      return;
    case "backup":
      await runBackupCommand(rest);
      return;
    case "restore":
      await runRestoreCommand(rest);
      return;
    default:
      process.stdout.write(`${USAGE}\n`);
      if (command && command !== "help" && command !== "--help") process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`zhichan: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
