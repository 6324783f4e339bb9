import type { AuditEntry, CaseTypeInfo } from "@zhichan/shared";
import type { TFunction } from "i18next";
import { auditActionsZh } from "../../../i18n/admin/auditActions.zh";
import { dateTime } from "../adminText";

/** What turning audit codes into words needs: the catalogue, the UI language, district names and the case types. */
export interface AuditWords {
  t: TFunction;
  lang: string;
  districtName: (code: string | null) => string;
  caseTypes: CaseTypeInfo[];
}

export interface DetailLine {
  key: string;
  label: string;
  value: string;
}

/** The catalogue's text for a key, or "" when it has none (so callers can fall back to other words). */
const maybe = (w: AuditWords, key: string, vars: Record<string, unknown> = {}): string => {
  const out = w.t(key, { ...vars, defaultValue: "" });
  // a key naming a group of texts answers i18next's "returned an object" notice, which is no label either
  return typeof out === "string" && !out.includes("returned an object instead of string") ? out : "";
};
const pick = (w: AuditWords, label: { zh: string; en: string }) => (w.lang === "en" ? label.en : label.zh);

/** The action groups (code prefixes) and their actions, in catalogue order. */
export const AUDIT_GROUPS: [string, string[]][] = Object.entries(auditActionsZh).map(([g, acts]) => [
  g,
  Object.keys(acts).map((a) => `${g}.${a}`),
]);

/** Case transitions (case.<transition>) and their labels from the case types, each key once. */
function caseTransitions(w: AuditWords): Map<string, string> {
  const out = new Map<string, string>();
  for (const type of w.caseTypes)
    for (const tr of type.transitions) if (!out.has(tr.key)) out.set(tr.key, pick(w, tr.label));
  return out;
}

/** An action code in words: the catalogue, or a case transition's own label; never the code itself. */
export function actionWords(action: string, w: AuditWords): string {
  const known = action.includes(".") ? maybe(w, `auditActions.${action}`) : "";
  if (known) return known;
  const [group, ...rest] = action.split(".");
  if (group === "case") {
    const label = caseTransitions(w).get(rest.join("."));
    return label ? w.t("admin.audit.caseTransition", { label }) : w.t("admin.audit.caseAction");
  }
  const groupLabel = maybe(w, `admin.auditGroups.${group}`);
  return groupLabel ? w.t("admin.audit.groupOther", { group: groupLabel }) : w.t("admin.audit.otherAction");
}

/** The action filter's choices: per group "all of the group" and each action; the case transitions under cases. */
export function actionOptions(w: AuditWords): { label: string; options: { value: string; label: string }[] }[] {
  return AUDIT_GROUPS.map(([group, actions]) => {
    const groupLabel = w.t(`admin.auditGroups.${group}`);
    const extra = group === "case" ? [...caseTransitions(w).keys()].map((k) => `case.${k}`) : [];
    return {
      label: groupLabel,
      options: [
        { value: group, label: w.t("admin.audit.groupAll", { group: groupLabel }) },
        ...[...actions, ...extra.filter((a) => !actions.includes(a))].map((a) => ({
          value: a,
          label: actionWords(a, w),
        })),
      ],
    };
  });
}

const ROUTE = /^(GET|POST|PUT|PATCH|DELETE|HEAD) \/api\/([^/?\s]+)/;

/** What an entry concerns, in words: "用户 zhangsan", "案件 12", "导出：专利检索". */
export function targetWords(e: AuditEntry, w: AuditWords): string {
  const target = e.target;
  if (!target) return "—";
  const route = ROUTE.exec(target);
  if (route) {
    const exporting = e.action.endsWith(".export") || e.action.endsWith("_download");
    const method = w.t(`admin.auditMethod.${exporting ? "export" : route[1]}`);
    const area = maybe(w, `admin.auditArea.${route[2]}`) || w.t("admin.auditArea.other");
    return w.t("admin.auditTarget.route", { method, area });
  }
  const colon = target.indexOf(":");
  if (colon < 0) {
    if (e.action.startsWith("auth.")) return w.t("admin.auditTarget.account", { id: target });
    return maybe(w, `admin.auditTarget.bare.${target}`) || w.t("admin.auditTarget.other");
  }
  const kind = target.slice(0, colon);
  const username = e.details?.username;
  const id = kind === "user" && typeof username === "string" ? username : target.slice(colon + 1);
  return maybe(w, `admin.auditTarget.${kind}`, { id }) || w.t("admin.auditTarget.other");
}

/** The reason codes the server writes (sign-in failures, access denials); anything else is a person's own words. */
function reasonWords(v: string, w: AuditWords): string {
  const code = maybe(w, `admin.auditValue.reason.${v}`);
  if (code && !["permission", "stage", "undeclared"].includes(v)) return code;
  const perm = /^permission (\S+) required$/.exec(v);
  if (perm)
    return w.t("admin.auditValue.reason.permission", {
      permission: maybe(w, `admin.permissions.${perm[1].replace(":", ".")}`) || w.t("admin.auditDetail.other"),
    });
  const stage = /^finish signing in first: (\w+)$/.exec(v);
  if (stage)
    return w.t("admin.auditValue.reason.stage", {
      stage: maybe(w, `admin.auditValue.stage.${stage[1]}`) || w.t("admin.auditDetail.other"),
    });
  if (v.startsWith("route declares no access")) return w.t("admin.auditValue.reason.undeclared");
  return v;
}

function roleWords(v: unknown, w: AuditWords): string {
  if (typeof v === "string") return maybe(w, `admin.roles.${v}`) || maybe(w, `admin.orgRole.${v}`) || v;
  if (v && typeof v === "object" && "role" in v) {
    const g = v as { role: string; district_code?: string | null; district?: string | null };
    const role = roleWords(g.role, w);
    return g.role === "official"
      ? w.t("admin.users.roleInDistrict", { role, district: w.districtName(g.district_code ?? g.district ?? null) })
      : role;
  }
  return plain(v, w);
}

const sizeWords = (n: number, w: AuditWords) =>
  n < 1024
    ? w.t("admin.auditValue.bytes", { n })
    : n < 1024 * 1024
      ? w.t("admin.auditValue.kb", { n: (n / 1024).toFixed(1) })
      : w.t("admin.auditValue.mb", { n: (n / 1024 / 1024).toFixed(1) });

/** Any value without a rule of its own: words for yes/no and lists, objects as "label: value" pairs. */
function plain(v: unknown, w: AuditWords): string {
  if (v === null || v === undefined || v === "") return w.t("admin.common.none");
  if (typeof v === "boolean") return w.t(v ? "admin.common.yes" : "admin.common.no");
  if (typeof v === "number") return v.toLocaleString(w.lang === "en" ? "en-GB" : "zh-CN");
  if (Array.isArray(v))
    return v.length ? v.map((x) => plain(x, w)).join(w.t("admin.common.listSep")) : w.t("admin.common.none");
  if (typeof v === "object")
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${keyWords(k, w)}${w.t("admin.common.colon")}${plain(x, w)}`)
      .join(w.t("admin.audit.pairSep"));
  return String(v);
}

const keyWords = (k: string, w: AuditWords) => maybe(w, `admin.auditDetail.${k}`) || w.t("admin.auditDetail.other");

function caseState(w: AuditWords, type: unknown, state: unknown): string | null {
  const types = w.caseTypes.filter((ct) => type === undefined || ct.key === type);
  for (const ct of types) {
    const s = ct.states.find((x) => x.key === state);
    if (s) return pick(w, s.label);
  }
  return null;
}

/** One detail's value in words, by what the key means. */
function valueWords(k: string, v: unknown, e: AuditEntry, w: AuditWords): string {
  const isCase = e.action.startsWith("case.");
  const d = e.details ?? {};
  switch (k) {
    case "role":
    case "adminRole":
      return roleWords(v, w);
    case "roles":
    case "before":
    case "after":
      return Array.isArray(v)
        ? v.length
          ? v.map((x) => roleWords(x, w)).join(w.t("admin.common.listSep"))
          : w.t("admin.common.none")
        : plain(v, w);
    case "reason":
      return typeof v === "string" ? reasonWords(v, w) : plain(v, w);
    case "fields":
      return Array.isArray(v)
        ? v.map((f) => maybe(w, `admin.auditValue.fields.${f}`) || String(f)).join(w.t("admin.common.listSep"))
        : plain(v, w);
    case "type":
      if (isCase) {
        const ct = w.caseTypes.find((x) => x.key === v);
        if (ct) return pick(w, ct.label);
      }
      return plain(v, w);
    case "from":
    case "to":
    case "state":
      return (isCase && caseState(w, d.type, v)) || plain(v, w);
    case "kind":
      if (isCase)
        for (const ct of w.caseTypes) {
          const a = ct.attachments.find((x) => x.kind === v);
          if (a) return pick(w, a.label);
        }
      return maybe(w, `admin.auditValue.kind.${v}`) || plain(v, w);
    case "refused":
    case "stage":
    case "newStatus":
    case "channel":
    case "via":
    case "scheme":
    case "approve":
      return maybe(w, `admin.auditValue.${k}.${String(v)}`) || plain(v, w);
    case "dueAt":
    case "expiresAt":
      return typeof v === "string" ? dateTime(v, w.lang) : plain(v, w);
    case "size":
      return typeof v === "number" ? sizeWords(v, w) : plain(v, w);
    case "sha256":
    case "legacyHead":
      return typeof v === "string" ? `${v.slice(0, 12)}…` : plain(v, w);
    case "district":
      return typeof v === "string" ? w.districtName(v) : plain(v, w);
    case "status":
      return typeof v === "number" && v >= 200 && v < 300 ? w.t("admin.auditValue.ok") : plain(v, w);
    case "claimant":
    case "userId":
    case "idNumberClashWith":
      return typeof v === "number" ? w.t("admin.auditValue.userRef", { id: v }) : plain(v, w);
    default:
      return plain(v, w);
  }
}

/** An entry's details as lines of "what: value" in words (never JSON); a detail with no value says nothing. */
export function detailLines(e: AuditEntry, w: AuditWords): DetailLine[] {
  return Object.entries(e.details ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ({ key: k, label: keyWords(k, w), value: valueWords(k, v, e, w) }));
}

/** Who acted, in words: the username, or the system (deadline sweeps, setup) or someone not signed in. */
export function actorWords(e: AuditEntry, w: AuditWords): string {
  if (e.actorName) return e.actorName;
  return w.t(
    e.action.startsWith("auth.") || e.action === "access.denied" ? "admin.audit.anonymous" : "admin.audit.system",
  );
}
