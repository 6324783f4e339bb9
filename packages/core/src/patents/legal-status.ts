export type LegalStatusCode =
  | "valid"
  | "pending"
  | "lapsed"
  | "rejected"
  | "withdrawn"
  | "invalidated"
  | "pct_pending"
  | "pct_expired"
  | "unknown";

// A PCT (WO) application is never 'valid' or 'lapsed' as a right: it either may still enter national phases (incoPat
// 'PCT有效期内', 'PCT-有效期内') or its 30/31-month window has passed ('未进入国家阶段-PCT有效期满', 'PCT-有效期满').
// Checked on the whole value before the broad words, because '有效期满' would otherwise read as '有效' (valid).
const PCT_RULES: Array<[RegExp, LegalStatusCode]> = [
  [/PCT.*(期满|届满|expired|未进入)|未进入国家阶段|national phase (not entered|expired)/i, "pct_expired"],
  [/PCT.*(有效期内|期内|pending|in force)|PCT国际阶段|international phase/i, "pct_pending"],
];

// Checked in order against the primary part of the value (before any ' | ' event list); first match wins, so the
// specific words (驳回, 撤回, 全部无效 …) come before the broad ones (失效, 有效).
const RULES: Array<[RegExp, LegalStatusCode]> = [
  [/全部无效|无效宣告|宣告无效|invalidat|revoked/i, "invalidated"],
  [/驳回|reject|refus/i, "rejected"],
  [/撤回|withdraw/i, "withdrawn"],
  [/未缴年费|期限届满|届满|放弃|终止|lapse|expire|abandon|cease/i, "lapsed"],
  // 无效 on its own: in the vr/ar exports (有效/公开/驳回/无效/撤回) it marks dead rights, overwhelmingly utility models
  // with a grant date — far too many to be 无效宣告 decisions — so it is read as 'no longer in force' (lapsed).
  [/失效|^无效$|^无权|dead|inactive|^invalid$|not in force/i, "lapsed"],
  [/有效|授权|有权|granted|^active|in force|alive|valid/i, "valid"],
  [/审中|公开|公布|实质审查|实审|pending|published|examination|application/i, "pending"],
];

/**
 * Maps every legal-status vocabulary seen in the data (有效/审中/失效 + 法律状态事件, 授权/公开/驳回/撤回,
 * 有权-审定授权, 有效/授权 | 质押, Patentics 有效/公开/驳回/撤回/无效/其他, English words) onto LegalStatus.
 * Composite values 'A/B | event | event' are decided by 'A/B'; PCT windows get their own two statuses;
 * '其他' and anything unrecognised → 'unknown'.
 * The caller keeps the raw value.
 */
export function normaliseLegalStatus(raw: string | null | undefined): LegalStatusCode {
  const text = (raw ?? "").normalize("NFKC").trim();
  if (!text) return "unknown";
  const primary = text.split("|")[0].trim();
  for (const [re, status] of PCT_RULES) if (re.test(primary)) return status;
  const [broad, detail] = primary.split(/[/-]/).map((s) => s.trim());
  // The detail after '/' or '-' is more specific (失效/驳回 → rejected); use it first, then the broad word.
  for (const part of [detail, broad]) {
    if (!part) continue;
    for (const [re, status] of RULES) if (re.test(part)) return status;
  }
  return "unknown";
}
