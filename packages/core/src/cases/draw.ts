/**
 * The random draw of experts for a case: eligible experts (active, in the field when one is asked) minus anyone with
 * a conflict of interest — the same organisation as a party, or a declared conflict with a party — then `count`
 * of them drawn with a seeded generator, so the draw can be replayed from the seed the audit log records.
 */
export interface ExpertCandidate {
  id: number;
  orgName: string | null;
  fields: readonly string[];
  active: boolean;
  /** Organisations the expert declared a conflict with. */
  declaredConflicts: readonly string[];
}

export interface DrawRequest {
  count: number;
  field?: string;
  /** The organisations of the case's parties. */
  partyOrgs: readonly string[];
}

export interface DrawResult {
  drawn: number[];
  excluded: { id: number; reason: "same_organisation" | "declared_conflict" | "inactive" | "other_field" }[];
  eligible: number;
}

/** mulberry32: small, fast, reproducible from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();

export function drawExperts(pool: readonly ExpertCandidate[], req: DrawRequest, seed: number): DrawResult {
  const parties = new Set(req.partyOrgs.map(norm));
  const excluded: DrawResult["excluded"] = [];
  const eligible: number[] = [];
  for (const e of [...pool].sort((a, b) => a.id - b.id)) {
    if (!e.active) excluded.push({ id: e.id, reason: "inactive" });
    else if (req.field && !e.fields.includes(req.field)) excluded.push({ id: e.id, reason: "other_field" });
    else if (e.orgName && parties.has(norm(e.orgName))) excluded.push({ id: e.id, reason: "same_organisation" });
    else if (e.declaredConflicts.some((c) => parties.has(norm(c))))
      excluded.push({ id: e.id, reason: "declared_conflict" });
    else eligible.push(e.id);
  }
  const rnd = seededRandom(seed);
  const bag = [...eligible];
  for (let i = bag.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [bag[i], bag[j]] = [bag[j], bag[i]];
  }
  return { drawn: bag.slice(0, Math.max(0, req.count)), excluded, eligible: eligible.length };
}
