import type BetterSqlite3 from "better-sqlite3";
import type { LinkEvidence } from "./applicant-evidence.js";
import { keepApartPairs } from "./applicant-keep-apart.repository.js";

export interface MergeOutcome {
  merges: number;
  patentsTouched: number;
  /** Links refused because they would join entities an official kept apart. */
  keptApart: number;
}

/**
 * Union-find over entity ids: which entities the links join into one. A link that would put two entities an
 * official kept apart (`apart`, live ids) into one group — directly or through others — is refused; links are taken
 * in order, so the first evidence wins.
 */
function components(
  links: LinkEvidence[],
  apart: Array<[number, number]>,
): { groups: Map<number, number[]>; accepted: LinkEvidence[]; refused: number } {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) as number;
    if (root !== x) parent.set(x, root);
    return root;
  };
  // Per group root: the entities that must never join it.
  const forbidden = new Map<number, Set<number>>();
  for (const [a, b] of apart) {
    forbidden.set(a, (forbidden.get(a) ?? new Set()).add(b));
    forbidden.set(b, (forbidden.get(b) ?? new Set()).add(a));
  }
  const clash = (ra: number, rb: number) => [...(forbidden.get(ra) ?? [])].some((x) => find(x) === rb);
  const accepted: LinkEvidence[] = [];
  let refused = 0;
  for (const l of links) {
    const [ra, rb] = [find(l.a), find(l.b)];
    if (ra !== rb && clash(ra, rb)) {
      refused++;
      continue;
    }
    accepted.push(l);
    if (ra === rb) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(drop, keep);
    const moved = forbidden.get(drop);
    if (moved) forbidden.set(keep, new Set([...(forbidden.get(keep) ?? []), ...moved]));
  }
  const groups = new Map<number, number[]>();
  const members = new Set(accepted.flatMap((l) => [l.a, l.b]));
  for (const x of members) {
    const root = find(x);
    const group = groups.get(root);
    if (group) group.push(x);
    else groups.set(root, [x]);
  }
  return { groups, accepted, refused };
}

/** Breadth-first from the survivor: for each entity, the link that first reached it. */
function pathsFrom(start: number, adjacency: Map<number, LinkEvidence[]>): Map<number, LinkEvidence> {
  const reached = new Map<number, LinkEvidence>();
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const x = queue.shift() as number;
    for (const l of adjacency.get(x) ?? []) {
      const y = l.a === x ? l.b : l.a;
      if (seen.has(y)) continue;
      seen.add(y);
      reached.set(y, l);
      queue.push(y);
    }
  }
  return reached;
}

function mergeStatements(db: BetterSqlite3.Database) {
  return {
    patentsOf: db.prepare("SELECT patent_id FROM patent_applicants WHERE applicant_id = ?").pluck(),
    moveLinks: db.prepare("UPDATE patent_applicants SET applicant_id = ? WHERE applicant_id = ?"),
    // A record that named both spellings now links the survivor twice: keep the first position.
    dropDoubleLinks: db.prepare(
      `DELETE FROM patent_applicants WHERE applicant_id = ? AND position > (
         SELECT min(position) FROM patent_applicants x WHERE x.patent_id = patent_applicants.patent_id AND x.applicant_id = ?)`,
    ),
    moveAliases: db.prepare("UPDATE applicant_aliases SET applicant_id = ? WHERE applicant_id = ?"),
    absorb: db.prepare("UPDATE applicants SET merged_into = ? WHERE id = ? OR merged_into = ?"),
    inheritRegion: db.prepare(
      `UPDATE applicants SET region_code = (SELECT region_code FROM applicants WHERE id = @absorbed),
         region_rule = (SELECT region_rule FROM applicants WHERE id = @absorbed)
       WHERE id = @survivor AND region_code IS NULL`,
    ),
    record: db.prepare(
      `INSERT INTO applicant_merges (survivor_id, absorbed_id, rule, evidence_json, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    // Above every patent's seq as well as the recorded one (rows written outside the importer never moved the meta).
    seq: db
      .prepare(
        `SELECT max(coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'patent_seq'), 0),
           (SELECT coalesce(max(updated_seq), 0) FROM patents))`,
      )
      .pluck(),
    setSeq: db.prepare(
      "INSERT INTO meta (key, value) VALUES ('patent_seq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ),
    bump: db.prepare("UPDATE patents SET updated_seq = ? WHERE id = ?"),
  };
}
type MergeStatements = ReturnType<typeof mergeStatements>;

/** Moves one entity's links and aliases to the survivor and marks it absorbed; the patents it touched are added. */
function absorbOne(s: MergeStatements, survivor: number, absorbed: number, touched: Set<number>): void {
  for (const p of s.patentsOf.all(absorbed) as number[]) touched.add(p);
  s.moveLinks.run(survivor, absorbed);
  s.dropDoubleLinks.run(survivor, survivor);
  s.moveAliases.run(survivor, absorbed);
  s.inheritRegion.run({ survivor, absorbed });
  s.absorb.run(survivor, absorbed, absorbed);
}

/** One new updated_seq on the touched patents, so the live index re-reads their applicants. */
export function bumpPatents(db: BetterSqlite3.Database, patentIds: Iterable<number>): void {
  const s = mergeStatements(db);
  const ids = [...patentIds];
  if (!ids.length) return;
  const seq = Number(s.seq.get() ?? 0) + 1;
  for (const p of ids) s.bump.run(seq, p);
  s.setSeq.run(String(seq));
}

/**
 * Merges `absorbed` into `survivor` as one decision (an official's, rule 'official'), recorded in applicant_merges
 * with its evidence; the same steps as the automatic merges. Call inside the caller's transaction.
 */
export function mergeEntityInto(
  db: BetterSqlite3.Database,
  m: { survivor: number; absorbed: number; rule: string; evidence: Record<string, unknown>; createdBy: number | null },
): MergeOutcome {
  const s = mergeStatements(db);
  const touched = new Set<number>();
  absorbOne(s, m.survivor, m.absorbed, touched);
  s.record.run(m.survivor, m.absorbed, m.rule, JSON.stringify(m.evidence), new Date().toISOString(), m.createdBy);
  bumpPatents(db, touched);
  return { merges: 1, patentsTouched: touched.size, keptApart: 0 };
}

/**
 * Merges entities into one per component: the survivor is the entity with the most links (then the lowest id). The
 * absorbed ones keep their rows with `merged_into` (their norm_key keeps routing new imports to the survivor); their
 * links and aliases move; one applicant_merges row per absorbed entity names the rule and evidence of the link that
 * reached it. Linked patents get a new updated_seq so the live index re-reads their applicants. Entities an official
 * kept apart (applicant-keep-apart.repository.ts) never end up in one component.
 */
export function applyMerges(
  db: BetterSqlite3.Database,
  links: LinkEvidence[],
  createdBy: number | null = null,
): MergeOutcome {
  if (!links.length) return { merges: 0, patentsTouched: 0, keptApart: 0 };
  const linkCount = db.prepare("SELECT count(*) FROM patent_applicants WHERE applicant_id = ?").pluck();
  const s = mergeStatements(db);
  const { groups, accepted, refused } = components(links, keepApartPairs(db));
  const adjacency = new Map<number, LinkEvidence[]>();
  for (const l of accepted) for (const id of [l.a, l.b]) adjacency.set(id, [...(adjacency.get(id) ?? []), l]);
  return db.transaction(() => {
    const touched = new Set<number>();
    let merges = 0;
    const at = new Date().toISOString();
    for (const members of groups.values()) {
      const ranked = members
        .map((id) => ({ id, n: linkCount.get(id) as number }))
        .sort((x, y) => y.n - x.n || x.id - y.id);
      const survivor = ranked[0].id;
      const reachedBy = pathsFrom(survivor, adjacency);
      for (const { id } of ranked.slice(1)) {
        absorbOne(s, survivor, id, touched);
        // The link through which the survivor reaches this entity: its rule, its evidence and the entity on its other end.
        const why = reachedBy.get(id) as LinkEvidence;
        const via = why.a === id ? why.b : why.a;
        s.record.run(survivor, id, why.rule, JSON.stringify({ ...why.evidence, via }), at, createdBy);
        merges++;
      }
    }
    bumpPatents(db, touched);
    return { merges, patentsTouched: touched.size, keptApart: refused };
  })();
}
