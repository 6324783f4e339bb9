import fs from "node:fs";
import path from "node:path";

/** Nobody but the server's own user may read ZHICHAN_HOME: it holds personal data, keys and the audit log. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes ZHICHAN_HOME private before anything is opened: a umask of 077 for everything the process creates from now
 * on (database, -wal/-shm, keys, attachments, index, checkpoints), and group/other permissions removed from what an
 * earlier version left behind (it created the database 0644). Symbolic links are left alone, never followed.
 * Returns how many modes it changed.
 */
export function secureHome(home: string): number {
  try {
    process.umask(0o077);
  } catch {
    // worker threads cannot set the umask; the explicit modes at each creation still apply
  }
  fs.mkdirSync(home, { recursive: true, mode: PRIVATE_DIR_MODE });
  return restrictTree(home);
}

/** Removes group and other permission bits under (and including) a folder. */
export function restrictTree(root: string): number {
  let changed = 0;
  const visit = (p: string): void => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) {
      fs.chmodSync(p, st.mode & (st.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE));
      changed++;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
  return changed;
}
