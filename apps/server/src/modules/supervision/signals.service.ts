import { detectBursts, LshIndex, unusualTypeMix } from "@zhichan/core/supervision/index.ts";
import type { Signal, SignalsResponse } from "@zhichan/shared";
import type { z } from "zod";
import type { Db } from "../../db/connection.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import * as repo from "./supervision.repository.js";

type Response = z.infer<typeof SignalsResponse>;

export interface SignalOptions {
  cityCode: string;
  /** Jaccard of character 3-gram shingles at or above which two filings are near-duplicates. */
  duplicateThreshold: number;
  limitPerKind: number;
}

const DEFAULTS: SignalOptions = { cityCode: "4101", duplicateThreshold: 0.8, limitPerKind: 100 };
const QUICK_TYPES = ["utility_model", "design"];

/**
 * Abnormal-filing signals for supervision: near-duplicate applications, filing bursts, unusual type mixes. A signal
 * is a prompt to look, never a finding: each one carries the evidence (the filings side by side, the counts).
 * Computed once per version of the patent data and kept in memory.
 */
export class SignalsService {
  private cache: { version: string; value: Response } | null = null;
  private pending: { version: string; run: Promise<Response> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly opts: SignalOptions = DEFAULTS,
  ) {}

  async signals(kind?: Signal["kind"]): Promise<Response> {
    const version = repo.dataVersion(this.db);
    if (!this.cache || this.cache.version !== version) {
      // One computation at a time; callers arriving meanwhile wait for the same result.
      if (!this.pending || this.pending.version !== version) {
        const run = this.compute().finally(() => {
          if (this.pending?.run === run) this.pending = null;
        });
        this.pending = { version, run };
      }
      const value = await this.pending.run;
      this.cache = { version, value };
    }
    const v = this.cache.value;
    return kind ? { ...v, signals: v.signals.filter((s) => s.kind === kind) } : v;
  }

  private async compute(): Promise<Response> {
    // One document per application: an application's A and B publications are the same filing, not duplicates.
    const seenApps = new Set<string>();
    const corpus = repo.supervisionCorpus(this.db, this.opts.cityCode).filter((d) => {
      if (!d.app_no) return true;
      if (seenApps.has(d.app_no)) return false;
      seenApps.add(d.app_no);
      return true;
    });
    const byId = new Map(corpus.map((d) => [d.id, d]));
    // Hashing ~10^4 documents takes seconds: yield to the event loop every batch so other requests are served.
    const lsh = new LshIndex();
    for (let i = 0; i < corpus.length; i++) {
      const d = corpus[i];
      lsh.add(d.id, [d.title, d.abstract ?? "", d.claims ?? ""].join(" "));
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
    const signals: Signal[] = [];

    let dupCount = 0;
    let dualFilings = 0;
    for (const p of lsh.pairs(this.opts.duplicateThreshold)) {
      const a = byId.get(p.a)!;
      const b = byId.get(p.b)!;
      // 一案双报: the same applicant filing one invention as both an invention and a utility model is lawful
      // (Patent Law art. 9); such a pair is not a signal.
      if (isDualFiling(a, b)) {
        dualFilings++;
        continue;
      }
      const textBasis = a.abstract && b.abstract ? "title+abstract" : "title only";
      const sameApplicant = !!a.applicants_raw && a.applicants_raw === b.applicants_raw;
      const sameAgency = !!a.agency && a.agency === b.agency;
      signals.push({
        kind: "near_duplicate",
        score: round(p.jaccard * (textBasis === "title only" ? 0.5 : 1)),
        entity: sameAgency ? a.agency : sameApplicant ? a.applicants_raw : null,
        summary: `两件申请文本相似度 ${(p.jaccard * 100).toFixed(0)}%（${textBasis === "title only" ? "仅标题" : "标题与摘要"}）`,
        evidence: {
          jaccard: round(p.jaccard),
          textBasis,
          sameApplicant,
          sameAgency,
          method: "MinHash/LSH 3-gram, exact Jaccard confirmed",
        },
        patents: [brief(a), brief(b)],
      });
      if (++dupCount >= this.opts.limitPerKind) break;
    }

    const filings = repo.filingsForBursts(this.db);
    const entityFilings = filings.flatMap((f) => {
      const out: { entity: string; date: string; id: number; type: string }[] = [];
      const applicant = f.applicants_raw?.split(/[;；]/)[0]?.trim();
      if (applicant) out.push({ entity: `申请人 ${applicant}`, date: f.app_date, id: f.id, type: f.type });
      if (f.agency) out.push({ entity: `代理机构 ${f.agency}`, date: f.app_date, id: f.id, type: f.type });
      return out;
    });
    for (const b of detectBursts(entityFilings).slice(0, this.opts.limitPerKind)) {
      const ids = entityFilings.filter((f) => f.entity === b.entity && f.date.startsWith(b.month)).map((f) => f.id);
      signals.push({
        kind: "burst",
        score: round(Math.min(1, b.ratio / 20)),
        entity: b.entity,
        summary: `${b.month} 申请 ${b.count} 件，为其平时月均 ${b.baseline} 件的 ${b.ratio} 倍`,
        evidence: { month: b.month, count: b.count, baseline: b.baseline, ratio: b.ratio },
        patents: repo.patentsByIds(this.db, ids.slice(0, 10)).map(brief),
      });
    }

    for (const m of unusualTypeMix(entityFilings, QUICK_TYPES).slice(0, this.opts.limitPerKind)) {
      const ids = entityFilings.filter((f) => f.entity === m.entity).map((f) => f.id);
      signals.push({
        kind: "type_mix",
        score: round(Math.min(1, m.share - m.overallShare)),
        entity: m.entity,
        summary: `${m.total} 件中实用新型与外观设计占 ${(m.share * 100).toFixed(0)}%，全部数据为 ${(m.overallShare * 100).toFixed(0)}%`,
        evidence: { total: m.total, counts: m.counts, share: round(m.share), overallShare: round(m.overallShare) },
        patents: repo.patentsByIds(this.db, ids.slice(0, 10)).map(brief),
      });
    }
    signals.sort((x, y) => y.score - x.score);
    return {
      computedAt: isoNow(this.clock),
      corpus: {
        patents: corpus.length,
        description: `近似重复：经代理机构申请的专利及本市申请人的专利（已排除同一申请人发明与实用新型“一案双报” ${dualFilings} 对，属合法申请）；突增与类型结构：全部中国专利`,
      },
      signals,
      note: "信号只提示需要核查的线索，不构成违规认定；每条信号均附证据，请核实后再处理。Signals are leads to check, not findings.",
    };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const INVENTION = new Set(["invention_application", "invention_grant"]);

/** Same applicants, one an invention and the other a utility model: a lawful dual filing, not a duplicate. */
export function isDualFiling(a: repo.CorpusDoc, b: repo.CorpusDoc): boolean {
  const first = (d: repo.CorpusDoc) => d.applicants_raw?.split(/[;；|]/)[0]?.trim() ?? "";
  if (!first(a) || first(a) !== first(b)) return false;
  return (INVENTION.has(a.type) && b.type === "utility_model") || (INVENTION.has(b.type) && a.type === "utility_model");
}

function brief(d: repo.CorpusDoc) {
  return {
    id: d.id,
    pubNo: d.pub_no,
    title: d.title,
    abstract: d.abstract,
    applicants: d.applicants_raw,
    agency: d.agency,
    appDate: d.app_date,
    type: d.type,
  };
}
