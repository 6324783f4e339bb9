import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  browserSetup,
  CHROMIUM_ARGS,
  chromiumLaunchOptions,
  INSTALL_COMMAND,
  missingBrowserPackages,
} from "./chromium.js";

const APT = "apt-get install -y --no-install-recommends chromium fonts-noto-cjk";

describe("the one Chromium setting", () => {
  it("npm test checks for the browser before anything else", () => {
    const root = path.resolve(import.meta.dirname, "../../../..");
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.scripts.test).toMatch(/^tsx e2e\/ensure-browser\.ts && /);
    expect(fs.existsSync(path.join(root, "e2e/ensure-browser.ts"))).toBe(true);
  });

  it("does nothing when all is there, installs as root, otherwise stops with the exact command", () => {
    expect(browserSetup([], false)).toEqual({ action: "ready" });
    expect(browserSetup([], true)).toEqual({ action: "ready" });
    expect(browserSetup(["chromium"], true)).toEqual({
      action: "install",
      commands: [["apt-get", "update"], APT.split(" ")],
    });
    const stop = browserSetup(["fonts-noto-cjk"], false);
    expect(stop.action).toBe("stop");
    expect(stop.action === "stop" && stop.message).toContain(`need fonts-noto-cjk`);
    expect(INSTALL_COMMAND).toBe(`sudo apt-get update && sudo ${APT}`);
    expect(stop.action === "stop" && stop.message).toContain(INSTALL_COMMAND);
  });

  it("a missing or non-executable Chromium is an error naming the install command, never a silent skip", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zc-chromium-"));
    const notRunnable = path.join(dir, "chromium");
    fs.writeFileSync(notRunnable, "");
    try {
      for (const p of [path.join(dir, "absent"), notRunnable]) {
        expect(missingBrowserPackages(p)).toContain("chromium");
        expect(() => chromiumLaunchOptions(p)).toThrow(INSTALL_COMMAND);
      }
      fs.chmodSync(notRunnable, 0o755);
      expect(missingBrowserPackages(notRunnable)).not.toContain("chromium");
      expect(chromiumLaunchOptions(notRunnable)).toEqual({ executablePath: notRunnable, args: CHROMIUM_ARGS });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
