import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
/** axe-core's browser build, read once; evaluated in the page (not a <script> tag, which the CSP would block). */
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of up to five offending elements, with the first one's HTML. */
  targets: string[];
  html: string;
}

/** The axe-core violations of the page as it is now, of the given impacts (serious and critical by default). */
export async function axeViolations(page: Page, impacts = ["serious", "critical"]): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (wanted) => {
    type Result = {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; html: string }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Result[] }> } })
      .axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact !== null && wanted.includes(v.impact))
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" ")),
        html: v.nodes[0]?.html.slice(0, 300) ?? "",
      }));
  }, impacts);
}

/** Waits until the page has loaded its data: no pending requests, no skeleton or spinner left. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page
    .waitForFunction(() => !document.querySelector(".ant-skeleton, .ant-spin-spinning, .page-loading"), undefined, {
      timeout: 15_000,
    })
    .catch(() => undefined);
}
