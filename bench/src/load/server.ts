/** The real server for the load test: started on 127.0.0.1 (free port) over a bench home, stopped with its group. */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";

export interface LoadServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const LISTENING = /Zhichan listening on (https?:\/\/\S+)/;

export function startServer(repoRoot: string, home: string, timeoutMs: number): Promise<LoadServer> {
  const child = spawn("npx", ["tsx", "apps/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      ZHICHAN_HOME: home,
      LOG_LEVEL: "warn",
      // the load client is one address sending thousands of searches: lift the per-address API budget for it,
      // and believe its X-Forwarded-For so two "visitors" can be told apart (loopback only)
      ZHICHAN_RATE_LIMIT_PER_MINUTE: "100000000",
      ZHICHAN_TRUST_PROXY: "127.0.0.1",
      ZHICHAN_INSECURE_HTTP: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: stop() ends npx, tsx, node and Chromium together
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      void stopGroup(child);
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-20_000);
      const m = LISTENING.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        child.stderr?.off("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ url: m[1].replace("localhost", "127.0.0.1"), pid: child.pid!, stop: () => stopGroup(child) });
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
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const late = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 10_000))]);
  if (late) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
}

/**
 * Memory of a process and all its descendants (the server, and Chromium it launched), in bytes: proportional set
 * size, so pages Chromium's processes share are counted once, not once per process as summed RSS would.
 */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      /* exited meanwhile */
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop()!;
    try {
      total += pss(pid);
    } catch {
      /* exited meanwhile */
    }
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

function pss(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* no smaps_rollup: resident size instead */
  }
  return Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
}
