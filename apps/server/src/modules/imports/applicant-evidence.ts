import { applicantKind, applicantNormKey, nameScript, splitApplicants } from "@zhichan/core/patents/index.ts";
import type BetterSqlite3 from "better-sqlite3";

/** One reason to hold two applicant entities for one company, with what in the data shows it. */
export interface LinkEvidence {
  a: number;
  b: number;
  rule: "norm_key" | "same_publication" | "same_application" | "vendor_standard_name";
  evidence: Record<string, unknown>;
}

const EXAMPLES = 5;
export const VENDOR_STANDARD_HEADER = "标准化申请人";
// A vendor's standardised name links another script's spelling only where it names one entity in most Latin rows
// (0.75) and the other name carries it nearly always (0.9): a corporate-group label (Waymo → 'google') fails both.
const VENDOR_DOMINANT_SHARE = 0.75;
const VENDOR_CONSISTENT_SHARE = 0.9;
const VENDOR_MIN_ROWS = 2;

interface LinkedPatent {
  id: number;
  pubNo: string;
  appNo: string | null;
  /** Entity ids in applicant order with the spelling each position used. */
  names: Array<{ applicantId: number; name: string }>;
  standardName: string | null;
}

// extra_json only where it holds the vendor's name: it is the largest column read here, and turning it into a JS
// string for every patent cost more than the rest of the row.
const LINKED_PATENTS = `SELECT p.id, p.pub_no, p.app_no, p.applicants_raw,
    CASE WHEN instr(p.extra_json, '${VENDOR_STANDARD_HEADER}') > 0 THEN p.extra_json END AS extra_json,
    pa.applicant_id, pa.position
  FROM patents p JOIN patent_applicants pa ON pa.patent_id = p.id`;

/**
 * Patents with their linked entities (live ids: links always point at a surviving entity): all of them, or those of
 * `ids` (a JSON array of patent ids).
 */
function* linkedPatents(db: BetterSqlite3.Database, ids?: string): Generator<LinkedPatent> {
  const rows = (
    ids === undefined
      ? db.prepare(`${LINKED_PATENTS} ORDER BY p.id, pa.position`).iterate()
      : db
          .prepare(`${LINKED_PATENTS} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id, pa.position`)
          .iterate(ids)
  ) as Iterable<{
    id: number;
    pub_no: string;
    app_no: string | null;
    applicants_raw: string | null;
    extra_json: string | null;
    applicant_id: number;
    position: number;
  }>;
  let current = null as LinkedPatent | null;
  let split: string[] = [];
  for (const r of rows) {
    if (current?.id !== r.id) {
      if (current) yield current;
      split = splitApplicants(r.applicants_raw);
      const extra = r.extra_json?.includes(VENDOR_STANDARD_HEADER) ? JSON.parse(r.extra_json) : null;
      const standard = extra?.[VENDOR_STANDARD_HEADER];
      current = {
        id: r.id,
        pubNo: r.pub_no,
        appNo: r.app_no,
        names: [],
        standardName: typeof standard === "string" && standard.trim() ? standard.trim().toLowerCase() : null,
      };
    }
    const name = split[r.position];
    if (name) current.names.push({ applicantId: r.applicant_id, name });
  }
  if (current) yield current;
}

const isLatin = (name: string) => nameScript(name) === "latin";

/**
 * The patents whose evidence can have changed when `touched` were written — those, and every publication sharing an
 * application number with one of them (same_application pairs them) — in chunks of about `size` that never split an
 * application. Null when one of them carries a vendor's standardised name: that rule weighs every row of the name
 * and of its entities, so it needs the whole data.
 */
export function evidenceChunks(
  db: BetterSqlite3.Database,
  touched: Iterable<number>,
  size: number,
  /** Whether one of them carries the vendor's name, when the caller knows (the import noted it as it wrote them). */
  vendorStandardName?: boolean,
): number[][] | null {
  const ids = JSON.stringify([...touched]);
  const vendor =
    vendorStandardName ??
    db
      .prepare("SELECT 1 FROM patents WHERE id IN (SELECT value FROM json_each(?)) AND extra_json LIKE ? LIMIT 1")
      .get(ids, `%${VENDOR_STANDARD_HEADER}%`) !== undefined;
  if (vendor) return null;
  // The touched rows are read once (materialised) and their applications' other publications found by the app_no
  // index; a UNION of (id, app_no) pairs is the same set as a UNION of ids, as id decides app_no. Sorting that union
  // once took a third of the time of the former `id IN (… UNION …) ORDER BY` (two sorts, 100k ids: 0.76 → 0.26 s).
  const rows = db
    .prepare(
      `WITH t AS MATERIALIZED (SELECT p.id, p.app_no FROM json_each(@ids) j JOIN patents p ON p.id = j.value)
       SELECT id, app_no FROM t
       UNION
       SELECT x.id, x.app_no FROM patents x WHERE x.app_no IN (SELECT app_no FROM t WHERE app_no IS NOT NULL)
       ORDER BY 2, 1`,
    )
    .all({ ids }) as Array<{ id: number; app_no: string | null }>;
  const chunks: number[][] = [];
  let chunk: number[] = [];
  rows.forEach((r, i) => {
    const sameApplication = i > 0 && r.app_no !== null && r.app_no === rows[i - 1].app_no;
    if (chunk.length >= size && !sameApplication) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(r.id);
  });
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * Every cross-language link the data supports (the `norm_key` rule is separate: see normKeyLinks), by rule:
 * - same_publication: one record listing its applicants in two scripts, Latin names then as many in another script
 *   ('Toyota Motor Corp | Toyota Digital Cruise Inc | トヨタ自動車株式会社 | 株式会社トヨタデジタルクルーズ'), paired
 *   by position;
 * - same_application: two publications of one application number, each with one applicant, in different scripts
 *   (the same script on one application can be an assignment — 北京嘀嘀 → 滴滴（中国） — and is never linked);
 * - vendor_standard_name: a vendor's 标准化申请人 shared by a non-Latin name and one dominant Latin entity.
 * `patentIds`: only these patents (evidenceChunks: the run's, with their applications' other publications).
 */
export function collectLinkEvidence(db: BetterSqlite3.Database, patentIds?: number[]): LinkEvidence[] {
  const links: LinkEvidence[] = [];
  const byApp = new Map<string, Array<{ pubNo: string; applicantId: number; name: string }>>();
  const standard = new Map<string, Array<{ pubNo: string; applicantId: number; name: string }>>();
  const samePub = new Map<string, LinkEvidence>();
  for (const p of linkedPatents(db, patentIds && JSON.stringify(patentIds))) {
    const n = p.names.length;
    if (n >= 2 && n % 2 === 0) {
      const half = n / 2;
      const first = p.names.slice(0, half);
      const second = p.names.slice(half);
      // Paired by position only when every pair is two organisations of one kind: the second half of JP records is
      // not always in the first half's order ('Kenichi Oshida' | … | 'デジタルクルーズ株式会社'), and persons are never paired.
      const kindsAgree = first.every((x, i) => {
        const [k1, k2] = [applicantKind(x.name), applicantKind(second[i].name)];
        return k1 === k2 && k1 !== "individual" && k1 !== "other";
      });
      if (kindsAgree && first.every((x) => isLatin(x.name)) && second.every((x) => !isLatin(x.name))) {
        first.forEach((x, i) => {
          const y = second[i];
          if (x.applicantId === y.applicantId) return;
          const key = `${x.applicantId}:${y.applicantId}`;
          const link = samePub.get(key) ?? {
            a: x.applicantId,
            b: y.applicantId,
            rule: "same_publication" as const,
            evidence: { names: [x.name, y.name], publications: [] as string[] },
          };
          const pubs = link.evidence.publications as string[];
          if (pubs.length < EXAMPLES) pubs.push(p.pubNo);
          samePub.set(key, link);
        });
      }
    }
    if (n !== 1) continue;
    const one = { pubNo: p.pubNo, ...p.names[0] };
    if (p.appNo) byApp.set(p.appNo, [...(byApp.get(p.appNo) ?? []), one]);
    if (p.standardName) standard.set(p.standardName, [...(standard.get(p.standardName) ?? []), one]);
  }
  links.push(...samePub.values(), ...sameApplicationLinks(byApp));
  // Direct evidence outranks a vendor's label: a name already paired with another Latin entity is not relabelled.
  const partners = new Map<number, Set<number>>();
  for (const l of links) {
    for (const [x, y] of [
      [l.a, l.b],
      [l.b, l.a],
    ])
      partners.set(x, (partners.get(x) ?? new Set()).add(y));
  }
  // A scope never holds a standardised name (evidenceChunks): its statistics need every row, so only a full pass.
  if (patentIds === undefined) links.push(...vendorLinks(standard, partners));
  return links;
}

/** Run (and applied) first, so the other rules count one entity per spelling family. */
export function normKeyLinks(db: BetterSqlite3.Database): LinkEvidence[] {
  const aliases = db
    .prepare(
      "SELECT x.alias, x.applicant_id FROM applicant_aliases x JOIN applicants a ON a.id = x.applicant_id WHERE a.merged_into IS NULL",
    )
    .all() as Array<{ alias: string; applicant_id: number }>;
  const byKey = new Map<string, Map<number, string>>();
  for (const { alias, applicant_id } of aliases) {
    const key = applicantNormKey(alias);
    const ids = byKey.get(key) ?? new Map<number, string>();
    if (!ids.has(applicant_id)) ids.set(applicant_id, alias);
    byKey.set(key, ids);
  }
  return linksByKey(byKey);
}

/**
 * The norm_key rule for some entities (a run's): their spellings grouped by key, each key with the live entity that
 * owns it (applicants.norm_key). An entity's spellings whose key another entity owns are linked to it, as the full
 * rule would link them through that entity's own spellings.
 */
export function normKeyLinksOf(
  db: BetterSqlite3.Database,
  entityIds: Iterable<number>,
  /** A spelling's key (applicantNormKey); an import passes its linker's, which has computed most of them already. */
  keyOf: (name: string) => string = applicantNormKey,
): LinkEvidence[] {
  const aliases = db
    .prepare(
      `SELECT x.alias, x.applicant_id FROM applicant_aliases x JOIN applicants a ON a.id = x.applicant_id
       WHERE a.merged_into IS NULL AND x.applicant_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...entityIds])) as Array<{ alias: string; applicant_id: number }>;
  const owner = db.prepare("SELECT coalesce(merged_into, id) AS id, name FROM applicants WHERE norm_key = ?");
  const byKey = new Map<string, Map<number, string>>();
  for (const { alias, applicant_id } of aliases) {
    const key = keyOf(alias);
    let ids = byKey.get(key);
    if (!ids) {
      ids = new Map<number, string>();
      const o = owner.get(key) as { id: number; name: string } | undefined;
      if (o) ids.set(o.id, o.name);
      byKey.set(key, ids);
    }
    if (!ids.has(applicant_id)) ids.set(applicant_id, alias);
  }
  return linksByKey(byKey);
}

function linksByKey(byKey: Map<string, Map<number, string>>): LinkEvidence[] {
  const links: LinkEvidence[] = [];
  for (const [key, ids] of byKey) {
    const [first, ...rest] = [...ids];
    for (const other of rest) {
      links.push({ a: first[0], b: other[0], rule: "norm_key", evidence: { key, spellings: [first[1], other[1]] } });
    }
  }
  return links;
}

function sameApplicationLinks(byApp: Map<string, Array<{ pubNo: string; applicantId: number; name: string }>>) {
  const links = new Map<string, LinkEvidence>();
  for (const [appNo, pubs] of byApp) {
    for (const x of pubs) {
      for (const y of pubs) {
        if (x.applicantId >= y.applicantId || nameScript(x.name) === nameScript(y.name)) continue;
        const key = `${x.applicantId}:${y.applicantId}`;
        const link = links.get(key) ?? {
          a: x.applicantId,
          b: y.applicantId,
          rule: "same_application" as const,
          evidence: { names: [x.name, y.name], applications: [] as string[] },
        };
        const apps = link.evidence.applications as string[];
        if (apps.length < EXAMPLES) apps.push(`${appNo}: ${x.pubNo} / ${y.pubNo}`);
        links.set(key, link);
      }
    }
  }
  return links.values();
}

function vendorLinks(
  standard: Map<string, Array<{ pubNo: string; applicantId: number; name: string }>>,
  partners: Map<number, Set<number>>,
) {
  // How often each entity carries a Latin standardised name, to check that a name carries this one nearly always
  // (the vendor's Chinese group names — '滴滴中国科技有限公司' — are never evidence across scripts).
  const carried = new Map<number, number>();
  for (const [standardName, rows] of standard) {
    if (!isLatin(standardName)) continue;
    for (const r of rows) carried.set(r.applicantId, (carried.get(r.applicantId) ?? 0) + 1);
  }
  const links: LinkEvidence[] = [];
  for (const [standardName, rows] of standard) {
    if (!isLatin(standardName)) continue;
    const latin = rows.filter((r) => isLatin(r.name));
    const perEntity = new Map<number, number>();
    for (const r of latin) perEntity.set(r.applicantId, (perEntity.get(r.applicantId) ?? 0) + 1);
    const [dominant, count] = [...perEntity].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    if (!dominant || count < VENDOR_MIN_ROWS || count / latin.length < VENDOR_DOMINANT_SHARE) continue;
    const others = new Map<number, typeof rows>();
    for (const r of rows) {
      if (isLatin(r.name) || r.applicantId === dominant) continue;
      others.set(r.applicantId, [...(others.get(r.applicantId) ?? []), r]);
    }
    for (const [id, mine] of others) {
      if (mine.length < VENDOR_MIN_ROWS || mine.length / (carried.get(id) ?? 1) < VENDOR_CONSISTENT_SHARE) continue;
      const paired = partners.get(id);
      if (paired && !paired.has(dominant)) continue;
      links.push({
        a: dominant,
        b: id,
        rule: "vendor_standard_name",
        evidence: {
          standardName,
          names: [latin.find((r) => r.applicantId === dominant)?.name, mine[0].name],
          dominantShare: Number((count / latin.length).toFixed(3)),
          rows: [count, mine.length],
          publications: [
            ...latin
              .filter((r) => r.applicantId === dominant)
              .slice(0, 3)
              .map((r) => r.pubNo),
            ...mine.slice(0, 3).map((r) => r.pubNo),
          ],
        },
      });
    }
  }
  return links;
}
