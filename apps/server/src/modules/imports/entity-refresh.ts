import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type BetterSqlite3 from "better-sqlite3";
import { collectLinkEvidence, evidenceChunks, type LinkEvidence, normKeyLinksOf } from "./applicant-evidence.js";
import { applyMerges } from "./applicant-merge.js";
import { type EntityRefresh, refreshApplicantDisplayNames, setApplicantRegionRules } from "./display-names.js";

/** What one import run wrote: the patents it inserted or changed, and the entities it took a record away from. */
export interface EntityScope {
  patents: ReadonlySet<number>;
  unlinkedApplicants: ReadonlySet<number>;
  /** Whether one of the patents carries a vendor's 标准化申请人 (absent: looked up). */
  vendorStandardName?: boolean;
  /** A spelling's norm key, when the caller has them (the import's linker); applicantNormKey otherwise. */
  keyOf?: (name: string) => string;
}

/** Patents per evidence chunk and entities per display-name chunk: each chunk is a few milliseconds of work. */
const PATENT_CHUNK = 1000;
const ENTITY_CHUNK = 200;

const json = (ids: Iterable<number>) => JSON.stringify([...ids]);
const chunksOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The entity pass after an import run (README: entity pass), looking only at what the run can have changed: the
 * spellings of the entities linked to its patents or unlinked from them (norm_key), the evidence of its patents and
 * of their applications' other publications (same_publication, same_application), then the region rules and
 * display names of those entities and of every entity their merges joined. The result equals the whole-data pass
 * (refreshApplicantEntities) for what the run wrote; a run touching a vendor's standardised name takes the whole
 * evidence pass, whose statistics need every row of the name.
 *
 * The work goes in chunks with a turn of the event loop between them, so requests keep being answered during a large
 * import's pass. Each chunk reads its links and applies its merges in one synchronous step: an official's merge or
 * split between two chunks is never undone by links read before it.
 */
export async function refreshTouchedEntities(
  db: BetterSqlite3.Database,
  scope: EntityScope,
  pause: () => Promise<unknown> = yieldToEventLoop,
): Promise<EntityRefresh> {
  const result: EntityRefresh = { normKeyMerges: 0, evidenceMerges: 0, keptApart: 0, displayNamesChanged: 0 };
  const joined: number[] = [];
  const apply = (links: LinkEvidence[], rule: "normKeyMerges" | "evidenceMerges") => {
    const outcome = applyMerges(db, links);
    result[rule] += outcome.merges;
    result.keptApart += outcome.keptApart;
    for (const l of links) joined.push(l.a, l.b);
  };
  const entities = [...new Set([...entitiesOf(db, scope.patents), ...scope.unlinkedApplicants])];
  apply(normKeyLinksOf(db, entities, scope.keyOf), "normKeyMerges"); // one key per spelling: cheap, and a key joins across chunks
  await pause();
  const patents = evidenceChunks(db, scope.patents, PATENT_CHUNK, scope.vendorStandardName);
  if (patents === null) apply(collectLinkEvidence(db), "evidenceMerges");
  for (const chunk of patents ?? []) {
    apply(collectLinkEvidence(db, chunk), "evidenceMerges");
    await pause();
  }
  // The run's entities and every entity its merges joined, as they are now (an absorbed one answers for its survivor).
  const live = liveIds(db, [...entities, ...joined]);
  setApplicantRegionRules(db, live);
  for (const chunk of chunksOf(live, ENTITY_CHUNK)) {
    await pause();
    result.displayNamesChanged += refreshApplicantDisplayNames(db, chunk);
  }
  return result;
}

function entitiesOf(db: BetterSqlite3.Database, patents: ReadonlySet<number>): number[] {
  return db
    .prepare("SELECT DISTINCT applicant_id FROM patent_applicants WHERE patent_id IN (SELECT value FROM json_each(?))")
    .pluck()
    .all(json(patents)) as number[];
}

/** The surviving entity of each id (itself unless it was merged into another). */
function liveIds(db: BetterSqlite3.Database, ids: number[]): number[] {
  return db
    .prepare("SELECT DISTINCT coalesce(merged_into, id) FROM applicants WHERE id IN (SELECT value FROM json_each(?))")
    .pluck()
    .all(json(ids)) as number[];
}
