import {
  looseNameKey,
  type MergeSuggestion,
  type SharedRef,
  type SuggestionAlias,
  suggestMerges,
} from "@zhichan/core/patents/index.ts";
import type { MergeSuggestions } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import { keepApartPairs } from "../imports/applicant-entities.service.js";
import {
  entitiesByIds,
  evidenceVersion,
  linkCounts,
  liveAliases,
  mergedInto,
  soleApplicantPublications,
  suggestionsVersion,
} from "./merge-suggestions.repository.js";

/** Names keyed between yields: ~10–20 ms of work, so requests keep being served while a large list is keyed. */
const KEY_CHUNK = 1000;
const KEY_CACHE_MAX = 500_000;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads what the pure suggestion rules (core/patents/merge-suggestions.ts) need — every live entity's spellings, the
 * single-applicant publications with priorities or a family, publication counts, keep-apart decisions — and keeps the
 * answer until the data changes: the version is the patent sequence (every import and merge bumps it) and the
 * entity tables' sizes. Keep-apart decisions are applied on every read (a handful of rows), so a rejection costs no
 * recomputation. The evidence rows (a scan of every applicant link) are kept per import run and re-pointed at the
 * live entities after merges. Each spelling's loose key is remembered, so after an import only the new spellings
 * are keyed, in slices that yield to other requests.
 */
export class MergeSuggestionFinder {
  private cached: { version: string; all: Promise<MergeSuggestion[]> } | null = null;
  private evidence: { version: string; refs: SharedRef[] } | null = null;
  private readonly keys = new Map<string, string>();

  constructor(private readonly db: Db) {}

  async list(limit: number): Promise<MergeSuggestions> {
    const all = await this.all();
    const items = all.slice(0, limit);
    const ids = [...new Set(items.flatMap((s) => [s.survivor, s.absorbed]))];
    const entities = this.entities(ids);
    const side = (id: number) => entities.get(id) ?? { id, name: String(id), patents: 0 };
    return {
      total: all.length,
      items: items.map((s) => ({ survivor: side(s.survivor), absorbed: side(s.absorbed), reasons: s.reasons })),
    };
  }

  /** Whether the pair is among the current suggestions (an accept or reject names one). */
  async suggested(a: number, b: number): Promise<MergeSuggestion | undefined> {
    return (await this.all()).find(
      (s) => (s.survivor === a && s.absorbed === b) || (s.survivor === b && s.absorbed === a),
    );
  }

  private async all(): Promise<MergeSuggestion[]> {
    const version = this.version();
    if (this.cached?.version !== version) {
      const all = this.compute();
      this.cached = { version, all };
      // A failed computation is not kept: the next request tries again.
      all.catch(() => {
        if (this.cached?.all === all) this.cached = null;
      });
    }
    const suggestions = await this.cached.all;
    const apart = new Set(keepApartPairs(this.db.sqlite).map(([a, b]) => (a < b ? `${a}:${b}` : `${b}:${a}`)));
    if (!apart.size) return suggestions;
    return suggestions.filter((s) => {
      const [a, b] = s.survivor < s.absorbed ? [s.survivor, s.absorbed] : [s.absorbed, s.survivor];
      return !apart.has(`${a}:${b}`);
    });
  }

  private async compute(): Promise<MergeSuggestion[]> {
    const aliases = this.aliases();
    for (let i = 0; i < aliases.length; i += KEY_CHUNK) {
      for (const a of aliases.slice(i, i + KEY_CHUNK)) a.key = this.keyOf(a.alias);
      if (i + KEY_CHUNK < aliases.length) await yieldToOthers();
    }
    // Read after the yields, so the evidence is as current as the spellings.
    return suggestMerges({ aliases, refs: this.liveRefs(), patents: this.patentCounts(), keepApart: [] });
  }

  private version(): string {
    return suggestionsVersion(this.db);
  }

  /** The evidence rows, read again only after an import run or a new patent; their entities followed to the live ones. */
  private liveRefs(): SharedRef[] {
    const version = evidenceVersion(this.db);
    if (this.evidence?.version !== version) this.evidence = { version, refs: this.refs() };
    const merged = mergedInto(this.db);
    if (!merged.size) return this.evidence.refs;
    return this.evidence.refs.map((r) => {
      const live = merged.get(r.applicantId);
      return live === undefined ? r : { ...r, applicantId: live };
    });
  }

  private keyOf(alias: string): string {
    let key = this.keys.get(alias);
    if (key === undefined) {
      if (this.keys.size >= KEY_CACHE_MAX) this.keys.clear();
      key = looseNameKey(alias);
      this.keys.set(alias, key);
    }
    return key;
  }

  private aliases(): SuggestionAlias[] {
    return liveAliases(this.db) as SuggestionAlias[];
  }

  /** Publications with exactly one applicant and a priority or a family: one row per priority number / family. */
  private refs(): SharedRef[] {
    const rows = soleApplicantPublications(this.db);
    const out: SharedRef[] = [];
    for (const r of rows) {
      const base = { applicantId: r.applicant_id, name: r.name, pubNo: r.pub_no, appNo: r.app_no };
      for (const no of (r.priority_nos ?? "").split(";")) {
        const ref = no.replace(/\s+/g, "").toUpperCase();
        if (ref) out.push({ kind: "priority", ref, ...base });
      }
      const family = r.family_id?.trim();
      if (family) out.push({ kind: "family", ref: family, ...base });
    }
    return out;
  }

  private patentCounts(): Map<number, number> {
    return linkCounts(this.db);
  }

  private entities(ids: number[]): Map<number, { id: number; name: string; patents: number }> {
    return entitiesByIds(this.db, ids);
  }
}
