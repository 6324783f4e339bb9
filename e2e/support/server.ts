import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  home: string;
  stop: () => Promise<void>;
}

const LISTENING = /Zhichan listening on (https?:\/\/\S+)/;

/**
 * Starts the real server (`npx tsx apps/server/src/main.ts`) on a free port with a fresh ZHICHAN_HOME and
 * resolves with its URL once it prints the listening line. The first start imports the shipped data.
 */
export async function startServer(
  timeoutMs = 290_000,
  /** More environment for the server (e.g. SMTP_* pointing at a test SMTP server). */
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  // For iterating on the journeys only: reuse a server that is already running.
  const reuse = process.env.ZHICHAN_E2E_URL;
  if (reuse) return { url: reuse.replace(/\/$/, ""), home: "", stop: async () => undefined };
  if (!fs.existsSync(path.join(repoRoot, "apps/web/dist/index.html"))) {
    throw new Error("apps/web/dist is missing: run `npm run build:web` before the journeys");
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-e2e-"));
  // A copy of the built web app: another build of apps/web/dist during the journey (new chunk names) cannot break it.
  const webDist = path.join(home, "web-dist");
  fs.cpSync(path.join(repoRoot, "apps/web/dist"), webDist, { recursive: true });
  const child = spawn("npx", ["tsx", "apps/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      ZHICHAN_HOME: home,
      ZHICHAN_WEB_DIST: webDist,
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group, so stop() ends npx, tsx and node together
  });
  const url = await waitForUrl(child, timeoutMs);
  return {
    url,
    home,
    stop: async () => {
      await stopGroup(child);
      // retries: a file the server wrote while shutting down (its last audit checkpoint) can land mid-delete
      fs.rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      void stopGroup(child);
      reject(new Error(`server did not print its URL within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = LISTENING.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${output.slice(-2000)}`));
    });
  });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
  // npx can exit before the node server under it has finished its shutdown (and its last writes to the home)
  await groupGone(child.pid, 10_000);
}

async function groupGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return; // no process left in the group
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
