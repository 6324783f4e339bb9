import { spawnSync } from "node:child_process";
import { browserSetup, missingBrowserMessage, missingBrowserPackages } from "../apps/server/src/pdf/chromium";

// `npm test`'s first step: the journeys and the PDF tests need Debian's chromium and fonts-noto-cjk. On a fresh
// machine, as root, install them; otherwise stop with the exact command. When both are there it does nothing.
const setup = browserSetup(missingBrowserPackages(), process.getuid?.() === 0);
if (setup.action === "stop") {
  console.error(setup.message);
  process.exit(1);
}
if (setup.action === "install") {
  for (const [cmd, ...args] of setup.commands) {
    console.info(`npm test: ${cmd} ${args.join(" ")}`);
    const run = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (run.status !== 0) {
      console.error(`${cmd} ${args.join(" ")} failed (${run.error?.message ?? `exit code ${run.status}`})`);
      process.exit(1);
    }
  }
  const still = missingBrowserPackages();
  if (still.length > 0) {
    console.error(missingBrowserMessage(still));
    process.exit(1);
  }
}
