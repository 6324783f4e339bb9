/** Finds a JDK and Debian's Lucene 8 jars; when something is missing, says exactly what to install. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const JAR_DIR = "/usr/share/java";
/** Modules the harness needs: WhitespaceAnalyzer lives in analyzers-common, QueryParser in queryparser,
 * FirstPassGroupingCollector (group=invention) in grouping. */
const MODULES = ["lucene-core", "lucene-analyzers-common", "lucene-queryparser", "lucene-queries", "lucene-grouping"];
export const LUCENE_INSTALL_HINT =
  "apt-get update && apt-get install -y liblucene8-java default-jdk-headless   # Lucene 8 jars + javac/java";

export type JavaCheck = { ok: true; classpath: string[] } | { ok: false; problem: string; hint: string };

export function checkJavaAndLucene(): JavaCheck {
  for (const tool of ["java", "javac"]) {
    const probe = spawnSync(tool, ["-version"], { encoding: "utf8" });
    if (probe.error || probe.status !== 0)
      return { ok: false, problem: `${tool} not found`, hint: LUCENE_INSTALL_HINT };
  }
  const jars = existsSync(JAR_DIR) ? readdirSync(JAR_DIR) : [];
  const classpath: string[] = [];
  for (const module of MODULES) {
    // Debian ships versioned names (lucene-core-8.7.0.jar); take the newest 8.x
    const found = jars.filter((j) => new RegExp(`^${module}-8[\\d.]*\\.jar$`).test(j)).sort();
    if (found.length === 0)
      return { ok: false, problem: `${module}-8.*.jar not in ${JAR_DIR}`, hint: LUCENE_INSTALL_HINT };
    classpath.push(`${JAR_DIR}/${found[found.length - 1]}`);
  }
  return { ok: true, classpath };
}
