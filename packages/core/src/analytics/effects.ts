/**
 * Effect phrases (功效) mined from patent titles and abstracts for a technology–effect matrix: "提高生产效率",
 * "降低制造成本", "reduce the manufacturing cost". A phrase is a verb of change (提高, 降低, improve, reduce …) and
 * its object; phrases with the same direction and the same head noun (效率, 成本, cost …) form one effect, whose
 * terms are the phrases as they were written (so searching for them finds at least the documents they came from).
 */

export interface EffectSuggestion {
  /** Canonical verb + head: "提高效率", "降低成本", "reduce cost". */
  label: string;
  /** The phrases seen, most documents first. */
  terms: string[];
  /** Documents of the sample holding at least one of the terms. */
  docs: number;
}

export interface EffectDoc {
  title: string;
  abstract: string;
}

export interface MineOptions {
  /** Effects returned (most documents first). */
  limit?: number;
  /** Terms kept per effect. */
  maxTerms?: number;
  /** Effects seen in fewer documents are left out. */
  minDocs?: number;
}

/** Chinese verbs of change → the verb an effect is labelled with. */
const ZH_VERBS: Record<string, string> = {
  提高: "提高",
  提升: "提高",
  增强: "提高",
  增加: "提高",
  加快: "提高",
  改善: "改善",
  改进: "改善",
  优化: "改善",
  降低: "降低",
  减少: "降低",
  减小: "降低",
  减轻: "降低",
  缩短: "降低",
  节省: "降低",
  节约: "降低",
  延长: "延长",
  避免: "避免",
  防止: "避免",
};

/** Effect nouns an object ends with (longest first when matching). */
// biome-ignore format: a word list reads better packed
const ZH_HEADS = [
  "效率", "成本", "精度", "准确性", "准确率", "准确度", "可靠性", "稳定性", "安全性", "寿命", "能耗", "功耗", "噪声", "噪音", "重量", "体积", "速度", "质量",
  "性能", "强度", "损耗", "污染", "排放", "磨损", "误差", "难度", "时间", "产量", "利用率", "良率", "灵敏度", "分辨率", "舒适性", "便利性", "便捷性", "密封性",
  "耐用性", "实用性", "能量密度", "容量", "延迟", "时延", "干扰", "风险", "故障率", "浪费", "体验", "效果", "散热", "振动", "功率", "收率", "纯度", "硬度",
  "韧性", "导电性", "兼容性", "灵活性", "一致性", "自动化程度", "劳动强度", "工作量", "占地面积", "温度", "温升", "内阻",
  "阻抗", "损伤", "产能", "能效", "续航", "续航里程", "良品率", "成品率", "合格率", "转化率", "识别率", "精确度", "清晰度",
  "亮度", "对比度", "可维护性", "可扩展性", "隐患", "事故", "故障", "热量", "漏电", "短路", "漏液", "腐蚀", "氧化", "变形",
  "开裂", "泄漏", "压降", "发热",
].sort((a, b) => b.length - a.length);

const CJK = "\\u4e00-\\u9fff";
const ZH_VERB = new RegExp(Object.keys(ZH_VERBS).join("|"), "gu");
const ZH_RUN = new RegExp(`^了?([${CJK}]{1,12})`, "u");
/** Characters that end an object: what follows is another clause. */
const ZH_BREAK = /[和与及并且或、]|从而|同时|进而|使得/u;

/** Chinese: the object up to its effect noun ("生产效率的装置" → "生产效率"); null when it names no effect. */
function zhObject(run: string): { object: string; head: string } | null {
  const cut = run.search(ZH_BREAK);
  const text = cut >= 0 ? run.slice(0, cut) : run;
  for (let end = 2; end <= text.length; end++) {
    const prefix = text.slice(0, end);
    const head = ZH_HEADS.find((h) => prefix.endsWith(h));
    if (head) return { object: prefix, head };
  }
  // no known effect noun: not an effect (增加到等于, 优化充放电 are clauses, not effects; precision over recall)
  return null;
}

const EN_VERBS: Record<string, string> = {
  improve: "improve",
  enhance: "improve",
  increase: "improve",
  boost: "improve",
  raise: "improve",
  reduce: "reduce",
  decrease: "reduce",
  lower: "reduce",
  minimize: "reduce",
  minimise: "reduce",
  cut: "reduce",
  save: "reduce",
  shorten: "reduce",
  extend: "extend",
  prolong: "extend",
  avoid: "avoid",
  prevent: "avoid",
};

// biome-ignore format: a word list reads better packed
const EN_HEADS = new Set([
  "efficiency", "cost", "accuracy", "precision", "reliability", "stability", "safety", "life", "lifetime",
  "lifespan", "consumption", "noise", "weight", "size", "speed", "quality", "performance", "strength", "loss",
  "emission", "wear", "error", "latency", "delay", "interference", "risk", "yield", "throughput", "capacity",
  "resolution", "sensitivity", "robustness", "comfort", "density", "power", "energy", "time", "vibration",
  "complexity", "footprint", "heat", "temperature", "pollution", "waste", "friction", "range", "security",
]);

/** Words that end an English object (a new clause or a complement), and words skipped before it. */
// biome-ignore format: a word list reads better packed
const EN_STOP = new Set([
  "of", "and", "or", "in", "by", "for", "to", "while", "with", "which", "that", "thereby", "so", "on", "at", "from",
  "as", "is", "are", "be", "when", "during", "through", "without", "than", "it", "this", "these",
]);
const EN_DETERMINERS = new Set(["the", "a", "an", "its", "their", "overall", "further", "greatly", "significantly"]);

/** Verb forms: improve, improves, improved, improving (and reduc-ing, lower-ed …). */
const EN_VERB_FORM =
  /^(improv|enhanc|increas|boost|rais|reduc|decreas|lower|minimi[sz]|cut|sav|shorten|extend|prolong|avoid|prevent)(e|es|ed|ing|s|ting)?$/;

function enVerb(word: string): string | null {
  const m = EN_VERB_FORM.exec(word);
  if (!m) return null;
  const stem = m[1];
  for (const v of Object.keys(EN_VERBS)) if (v === stem || v === `${stem}e` || v.startsWith(stem)) return EN_VERBS[v];
  return null;
}

const singular = (w: string) =>
  w.endsWith("ies") ? `${w.slice(0, -3)}y` : w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;

interface Phrase {
  label: string;
  text: string;
}

function zhPhrases(text: string, out: Phrase[]): void {
  // verbs found one by one: an object may hold the next verb's clause (提高效率并降低成本)
  for (const v of text.matchAll(ZH_VERB)) {
    const run = ZH_RUN.exec(text.slice(v.index + v[0].length, v.index + v[0].length + 13));
    const found = run && zhObject(run[1]);
    if (!found) continue;
    // the phrase as written (with its 了), so searching for it finds the document it came from
    out.push({ label: ZH_VERBS[v[0]] + found.head, text: v[0] + (run[0].startsWith("了") ? "了" : "") + found.object });
  }
}

function enPhrases(text: string, out: Phrase[]): void {
  const words = text.toLowerCase().match(/[a-z][a-z-]*|[^a-z\s]/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    const verb = enVerb(words[i]);
    if (!verb) continue;
    let j = i + 1;
    while (j < words.length && EN_DETERMINERS.has(words[j])) j++;
    const object: number[] = []; // word positions
    while (j < words.length && object.length < 3 && /^[a-z]/.test(words[j]) && !EN_STOP.has(words[j])) object.push(j++);
    // the effect noun is the object's last word that names one (a cost, the energy consumption)
    for (let k = object.length - 1; k >= 0; k--) {
      const head = singular(words[object[k]]);
      if (!EN_HEADS.has(head)) continue;
      out.push({ label: `${verb} ${head}`, text: words.slice(i, object[k] + 1).join(" ") });
      break;
    }
  }
}

/** Every effect phrase of one text, in order. */
export function effectPhrases(text: string): Phrase[] {
  const out: Phrase[] = [];
  zhPhrases(text, out);
  enPhrases(text, out);
  return out;
}

/** Effects of a set of documents, most documents first (ties by label), with their terms. */
export function mineEffects(docs: Iterable<EffectDoc>, opts: MineOptions = {}): EffectSuggestion[] {
  const { limit = 20, maxTerms = 8, minDocs = 2 } = opts;
  const effects = new Map<string, { docs: number; terms: Map<string, number> }>();
  for (const d of docs) {
    const seen = new Map<string, Set<string>>();
    for (const p of effectPhrases(`${d.title}。${d.abstract}`)) {
      const terms = seen.get(p.label) ?? new Set<string>();
      terms.add(p.text);
      seen.set(p.label, terms);
    }
    for (const [label, terms] of seen) {
      const e = effects.get(label) ?? { docs: 0, terms: new Map<string, number>() };
      e.docs++;
      for (const t of terms) e.terms.set(t, (e.terms.get(t) ?? 0) + 1);
      effects.set(label, e);
    }
  }
  return [...effects]
    .filter(([, e]) => e.docs >= minDocs)
    .sort(([la, a], [lb, b]) => b.docs - a.docs || la.localeCompare(lb))
    .slice(0, limit)
    .map(([label, e]) => ({
      label,
      terms: [...e.terms]
        .sort(([ta, a], [tb, b]) => b - a || ta.length - tb.length || ta.localeCompare(tb))
        .slice(0, maxTerms)
        .map(([t]) => t),
      docs: e.docs,
    }));
}
