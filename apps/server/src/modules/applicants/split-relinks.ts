import { splitApplicants } from "@zhichan/core/patents/index.ts";
import type { PatentLinks } from "./applicants.repository.js";

export type RelinkOp = { kind: "set"; position: number; applicantId: number } | { kind: "drop"; position: number };

/**
 * Where a patent's links should point once the `moved` spellings leave entity `from` for entity `to`. Each position
 * whose spelling belongs to either side is linked to its side, once per entity per patent (the first position, as
 * the importer and the merge do); positions a merge had dropped as doubles come back when their side differs now.
 * Positions held by other entities, or whose spelling is neither side's, are left alone.
 */
export function relinkOps(p: PatentLinks, kept: Set<string>, moved: Set<string>, from: number, to: number): RelinkOp[] {
  const current = new Map(p.links.map((l) => [l.position, l.applicantId]));
  const ops: RelinkOp[] = [];
  const linked = new Set<number>();
  splitApplicants(p.raw).forEach((name, position) => {
    const target = moved.has(name) ? to : kept.has(name) ? from : null;
    const now = current.get(position);
    if (target === null || (now !== undefined && now !== from)) return;
    if (linked.has(target)) {
      if (now === from) ops.push({ kind: "drop", position });
      return;
    }
    linked.add(target);
    if (now !== target) ops.push({ kind: "set", position, applicantId: target });
  });
  return ops;
}
