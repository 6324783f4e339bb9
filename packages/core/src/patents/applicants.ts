export type ApplicantKind = "university" | "institute" | "company" | "individual" | "other";

// Words that make a name an organisation; 、 splits only when every part carries one of them.
const ORG_WORD =
  /公司|集团|大学|学院|学校|研究院|研究所|研究中心|实验室|中心|医院|委员会|协会|局|厂|站|所|部|院|社|银行|株式会社|合伙|有限|university|institute|college|co\b|corp|inc\b|ltd|llc|gmbh|limited|company|ag\b|s\.a\.|b\.v\./i;

/**
 * Splits an applicant cell on ';' '；' '|' and newlines. The Chinese enumeration comma 、 is split on only when every
 * resulting part is an organisation name and no bracket is open across it ('宁夏…医院(宁夏眼科医院、西北…)' stays one).
 * Commas never split: 'ARGO AI, LLC' is one applicant.
 */
export function splitApplicants(raw: string | null | undefined): string[] {
  const parts = (raw ?? "")
    .split(/[;；|\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.flatMap(splitOnEnumerationComma);
}

function splitOnEnumerationComma(name: string): string[] {
  if (!name.includes("、")) return [name];
  const pieces = name
    .split("、")
    .map((s) => s.trim())
    .filter(Boolean);
  const balanced = pieces.every((p) => countOf(p, "(（") === countOf(p, ")）"));
  return balanced && pieces.every((p) => ORG_WORD.test(p)) ? pieces : [name];
}

function countOf(text: string, chars: string): number {
  let n = 0;
  for (const ch of text) if (chars.includes(ch)) n++;
  return n;
}

// Legal-form tails of English names, unified so 'CO., LTD' / 'CO LTD' / 'Co.,Ltd.' give one key (applied repeatedly:
// 'Foo Technologies Co., Ltd.' loses 'co ltd' and keeps 'technologies').
const LEGAL_SUFFIXES = [
  "co ltd",
  "company limited",
  "company ltd",
  "co limited",
  "corporation",
  "corp",
  "incorporated",
  "inc",
  "limited",
  "ltd",
  "llc",
  "l l c",
  "gmbh",
  "ag",
  "plc",
  "sa",
  "s a",
  "bv",
  "b v",
  "nv",
  "co",
  "company",
  "kk",
  "k k",
];

function stripLegalSuffixes(latin: string): string {
  let words = latin;
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (words === suffix) continue;
      if (words.endsWith(` ${suffix}`)) {
        words = words.slice(0, -suffix.length - 1).trimEnd();
        changed = true;
      }
    }
  }
  return words;
}

/**
 * The identity key of an applicant: NFKC (full-width → half-width, so （）→()), case folded, English legal-form tails
 * unified and dropped, then every space and trailing punctuation removed. Names differing only in those ways are one
 * applicant; anything else (a different word) stays a different applicant.
 */
export function applicantNormKey(name: string): string {
  let text = name.normalize("NFKC").toLowerCase().trim();
  text = text.replace(/[〔【［[]/g, "(").replace(/[〕】］\]]/g, ")");
  if (/[a-z]/.test(text)) {
    const words = text
      .replace(/[.,;:'"`&]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    text = stripLegalSuffixes(words);
  }
  return text.replace(/\s+/g, "").replace(/[.,;:。，；：、!?！？\-_'"·]+$/u, "");
}

const CJK = /^[\u4e00-\u9fff·]+$/u;
// Words (or final characters) that make a short CJK name an organisation or place, not a person ('国家电网', '某某局').
const NOT_PERSON =
  /国家|中国|公司|集团|银行|医院|学校|中学|小学|中心|委员会|协会|学会|电网|[省市县区局院所厂站社部馆队]$/u;

/** Kind from the name alone (the only evidence the sources give for every row). */
export function applicantKind(name: string): ApplicantKind {
  const text = name.normalize("NFKC");
  if (/大学|university|college|school/i.test(text) || (/学院/.test(text) && !/科学院/.test(text))) return "university";
  if (/研究院|研究所|研究中心|实验室|科学院|institute|laborator|research/i.test(text)) return "institute";
  if (
    /公司|集团|株式会社|企业|厂|合伙|有限|\bco\b|co\.|\binc\b|corp|\bltd\b|limited|llc|gmbh|\bag\b|\bplc\b|company|s\.a\.|b\.v\./i.test(
      text,
    )
  )
    return "company";
  const compact = text.replace(/\s+/g, "");
  if (
    CJK.test(compact) &&
    !NOT_PERSON.test(compact) &&
    compact.replace(/·/g, "").length >= 2 &&
    compact.replace(/·/g, "").length <= 4
  )
    return "individual";
  return "other";
}

/**
 * The display name of an applicant from its spellings and how often each occurs: the most frequent; ties go to the
 * spelling with CJK or mixed case over all-caps, then the longer, then code order — deterministic for re-runs.
 */
export function pickDisplayName(counts: Map<string, number>): string {
  let best = "";
  let bestScore: [number, number, number] = [-1, -1, -1];
  for (const [spelling, n] of counts) {
    const notShouting = spelling === spelling.toUpperCase() && /[A-Z]/.test(spelling) ? 0 : 1;
    const score: [number, number, number] = [n, notShouting, spelling.length];
    const better =
      score[0] !== bestScore[0]
        ? score[0] > bestScore[0]
        : score[1] !== bestScore[1]
          ? score[1] > bestScore[1]
          : score[2] !== bestScore[2]
            ? score[2] > bestScore[2]
            : spelling < best;
    if (better) {
      best = spelling;
      bestScore = score;
    }
  }
  return best;
}
