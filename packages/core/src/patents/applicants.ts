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

// Legal-form tails of Latin-script names, unified so 'CO., LTD' / 'CO LTD' / 'Co.,Ltd.' / 'C O., LTD' give one key
// (applied repeatedly: 'Foo Technologies Co., Ltd.' loses 'ltd', then 'co', and keeps 'technologies').
const LEGAL_SUFFIXES = [
  "company limited",
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
  "c o",
  "company",
  "kk",
  "k k",
];

// Abbreviations the sources use for the same word ('& DEV', 'TECH', 'RES'); plurals fold so TECHNOLOGIES = TECH.
const WORD_FORMS: Record<string, string> = {
  dev: "development",
  devel: "development",
  tech: "technology",
  technologies: "technology",
  res: "research",
  mfg: "manufacturing",
  intl: "international",
  natl: "national",
  univ: "university",
  inst: "institute",
  sys: "systems",
  system: "systems",
  "&": "and",
};

// A trailing two-letter country code after a comma ('…CO LTD,CN', 'UBER TECHNOLOGIES INC,US').
const COUNTRY_TAIL = /,\s*[a-z]{2}\s*$/;

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

// Chinese company-form tails ('…有限公司' → '…股份有限公司' is the usual conversion of one company, not a new one):
// dropped when at least two characters are left, so '有限公司' alone stays itself.
const CJK_FORM_TAIL = /(?:股份有限公司|有限责任公司|有限公司|股份公司|有限合伙|株式会社)$/u;

/**
 * The identity key of an applicant: NFKC (full-width → half-width, so （）→()), case folded, '&' read as AND, common
 * abbreviations spelled out, a ',CN'-style country tail and company-form suffixes dropped (English and Chinese), then
 * every space and trailing punctuation removed. Names differing only in those ways are one applicant; a different
 * word (北京嘀嘀 vs 北京滴滴, 'science and technology' vs 'technology') stays a different applicant. No translation.
 */
export function applicantNormKey(name: string): string {
  let text = name.normalize("NFKC").toLowerCase().trim();
  text = text.replace(/[〔【［[]/g, "(").replace(/[〕】］\]]/g, ")");
  text = text.replace(/^["'“”]+|["'“”]+$/g, "").trim();
  // Taiwan's register prefixes the company's home ('大陆商北京嘀嘀…', '美商…'): a label, not part of the name.
  text = text.replace(TW_ORIGIN_PREFIX, "");
  if (/[a-z]/.test(text)) {
    text = text.replace(COUNTRY_TAIL, "");
    const words = text
      .replace(/&/g, " & ")
      .replace(/[.,;:'"`]+/g, " ")
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => WORD_FORMS[w] ?? w)
      .join(" ");
    text = stripLegalSuffixes(words);
  }
  text = text.replace(/\s+/g, "").replace(/[.,;:。，；：、!?！？\-_'"·]+$/u, "");
  const bare = text.replace(CJK_FORM_TAIL, "");
  return bare.length >= 2 && bare !== text ? bare : text;
}

const TW_ORIGIN_PREFIX =
  /^(?:大陆商|大陸商|美商|日商|德商|英商|法商|韩商|韓商|瑞士商|荷兰商|荷蘭商|新加坡商|开曼群岛商|開曼群島商|英属开曼群岛商|英屬開曼群島商)(?=.{2})/u;

/** The writing system of a name, to tell a translation (different scripts) from a re-spelling (same script). */
export type NameScript = "han" | "latin" | "kana" | "hangul" | "cyrillic" | "other";

export function nameScript(name: string): NameScript {
  if (/[\u3040-\u30ff\uff66-\uff9f]/u.test(name)) return "kana";
  if (/[\uac00-\ud7af]/u.test(name)) return "hangul";
  if (/[\u0400-\u04ff]/u.test(name)) return "cyrillic";
  if (/[\u4e00-\u9fff]/u.test(name)) return "han";
  if (/[a-z]/i.test(name)) return "latin";
  return "other";
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
