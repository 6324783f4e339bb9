import { spawnSync } from "node:child_process";
import fs from "node:fs";

/**
 * The one Chromium setting, used by the server's PDF printing and its tests, the browser journeys (e2e/) and
 * `npm test`'s first step (e2e/ensure-browser.ts): Debian's chromium unless ZHICHAN_CHROMIUM names another,
 * launched headless; fonts-noto-cjk gives it the Chinese glyphs.
 */
export const CHROMIUM_PATH = process.env.ZHICHAN_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
export const BROWSER_PACKAGES = ["chromium", "fonts-noto-cjk"];
const APT_INSTALL = ["apt-get", "install", "-y", "--no-install-recommends", ...BROWSER_PACKAGES];
/** The exact commands for someone who is not root. */
export const INSTALL_COMMAND = `sudo apt-get update && sudo ${APT_INSTALL.join(" ")}`;

/** playwright-core's launch options for the one Chromium; throws the install command when it is missing. */
export function chromiumLaunchOptions(path = CHROMIUM_PATH): { executablePath: string; args: string[] } {
  if (!chromiumInstalled(path)) throw new Error(missingBrowserMessage(["chromium"], path));
  return { executablePath: path, args: [...CHROMIUM_ARGS] };
}

export function chromiumInstalled(path = CHROMIUM_PATH): boolean {
  try {
    fs.accessSync(path, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Which of BROWSER_PACKAGES are missing: chromium when `path` does not run, the fonts when dpkg lacks them. */
export function missingBrowserPackages(path = CHROMIUM_PATH): string[] {
  const missing = chromiumInstalled(path) ? [] : ["chromium"];
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${Status} is dpkg-query's field, not a JS placeholder
  const fonts = spawnSync("dpkg-query", ["-W", "-f=${Status}", "fonts-noto-cjk"], { encoding: "utf8" });
  // no dpkg-query: not Debian, so the system's own fonts serve (and apt-get could not install them anyway)
  if (!fonts.error && fonts.stdout.trim() !== "install ok installed") missing.push("fonts-noto-cjk");
  return missing;
}

export function missingBrowserMessage(missing: string[], path = CHROMIUM_PATH): string {
  return (
    `Browser tests and PDF exports need ${missing.join(" and ")} (Chromium at ${path}; ZHICHAN_CHROMIUM names ` +
    `another). Install them with:\n  ${INSTALL_COMMAND}\nor run npm test as root, which installs them itself.`
  );
}

export type BrowserSetup =
  | { action: "ready" }
  | { action: "install"; commands: string[][] }
  | { action: "stop"; message: string };

/** What `npm test` does first: nothing when all is there, apt-get as root, otherwise stop with the command. */
export function browserSetup(missing: string[], isRoot: boolean, path = CHROMIUM_PATH): BrowserSetup {
  if (missing.length === 0) return { action: "ready" };
  if (isRoot) return { action: "install", commands: [["apt-get", "update"], APT_INSTALL] };
  return { action: "stop", message: missingBrowserMessage(missing, path) };
}
