import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AuditEntry, CaseTypeInfo } from "@zhichan/shared";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../../i18n/en";
import { zh } from "../../../i18n/zh";
import { AUDIT_GROUPS, type AuditWords, actionWords, detailLines, targetWords } from "./auditWords";

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../server/src");
const CJK = /[\u3400-\u9fff]/;

/** Every action string the server's code records: literals on audit lines, and the known templated families. */
function serverActions(): { literal: Set<string>; templates: Set<string> } {
  const literal = new Set<string>();
  const templates = new Set<string>();
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith(".ts") && !d.name.endsWith(".test.ts")) {
        for (const line of fs.readFileSync(p, "utf8").split("\n")) {
          if (!/action|record\(|audit: |CHAIN_KEYED_ACTION =/.test(line)) continue;
          for (const m of line.matchAll(/"([a-z]+\.[a-z_]+)"/g)) literal.add(m[1]);
          for (const m of line.matchAll(/`([a-z]+\.[a-z_]*)\$\{/g)) templates.add(m[1]);
        }
      }
    }
  };
  walk(serverSrc);
  return { literal, templates };
}

/**
 * What each templated family expands to (read from the server code): a new template fails the test until its
 * actions are labelled here and in the catalogue. case.<transition> takes the case types' own labels.
 */
const TEMPLATES: Record<string, string[]> = {
  "case.": ["case.overdue", "case.escalated"],
  "survey.": ["survey.open", "survey.closed", "survey.published"],
  "registry.org_": ["registry.org_updated", "registry.org_confirmed"],
};

const mediation: CaseTypeInfo = {
  key: "mediation",
  area: "protection",
  label: { zh: "纠纷调解", en: "Mediation" },
  openedBy: ["enterprise"],
  personalApplicant: false,
  assigneeRole: "mediator",
  states: [
    {
      key: "submitted",
      label: { zh: "已提交", en: "submitted" },
      terminal: false,
      waitingOn: "official",
      deadlineWorkingDays: 5,
    },
    {
      key: "mediating",
      label: { zh: "调解中", en: "mediating" },
      terminal: false,
      waitingOn: "assignee",
      deadlineWorkingDays: 30,
    },
  ],
  transitions: [
    {
      key: "accept",
      label: { zh: "受理", en: "accept" },
      from: ["submitted"],
      to: "mediating",
      by: ["official"],
      requiresComment: false,
      requiresAssignee: null,
      input: null,
    },
  ],
  attachments: [],
};

let zhWords: AuditWords;
let enWords: AuditWords;
beforeAll(async () => {
  const make = async (lang: "zh" | "en"): Promise<AuditWords> => {
    const i = i18next.createInstance();
    await i.init({
      lng: lang,
      resources: { [lang]: { translation: lang === "zh" ? zh : en } },
      interpolation: { escapeValue: false },
    });
    const names: Record<string, string> = lang === "zh" ? { "410105": "金水区" } : { "410105": "Jinshui District" };
    return {
      t: i.t.bind(i),
      lang,
      districtName: (c) => (c ? (names[c.slice(0, 6)] ?? "?") : lang === "zh" ? "全市" : "Whole city"),
      caseTypes: [mediation],
    };
  };
  zhWords = await make("zh");
  enWords = await make("en");
});

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  at: "2026-01-05T09:00:00.000Z",
  actorId: 1,
  actorName: "anquan",
  action: "auth.signin",
  target: null,
  outcome: "success",
  ip: "127.0.0.1",
  details: null,
  hash: "0",
  ...e,
});

describe("audit actions in words", () => {
  it("labels every action the server records, in both languages, and no code shows through", () => {
    const { literal, templates } = serverActions();
    expect(literal.size).toBeGreaterThan(60);
    expect([...templates].sort()).toEqual(Object.keys(TEMPLATES).sort());
    const all = [...literal, ...Object.values(TEMPLATES).flat()];
    const catalogued = new Set(AUDIT_GROUPS.flatMap(([, actions]) => actions));
    expect(all.filter((a) => !catalogued.has(a))).toEqual([]);
    for (const a of all) {
      const zhText = actionWords(a, zhWords);
      const enText = actionWords(a, enWords);
      expect(CJK.test(zhText), `${a}: ${zhText}`).toBe(true);
      expect(CJK.test(enText), `${a}: ${enText}`).toBe(false);
      expect(enText).not.toContain(a);
    }
  });

  it("names a case transition by the case type's own label", () => {
    expect(actionWords("case.accept", zhWords)).toBe("案件办理：受理");
    expect(actionWords("case.accept", enWords)).toBe("Case: accept");
    expect(actionWords("case.no_such_step", zhWords)).toBe("案件办理");
  });
});

describe("audit details in words", () => {
  it("writes a role change with district names, not codes or JSON", () => {
    const e = entry({
      action: "permission.changed",
      target: "user:7",
      details: {
        username: "zhangsan",
        before: [],
        after: [{ role: "official", district_code: "410105" }],
      },
    });
    expect(actionWords(e.action, zhWords)).toBe("变更用户角色");
    expect(targetWords(e, zhWords)).toBe("用户 zhangsan");
    expect(detailLines(e, zhWords).map((l) => `${l.label}：${l.value}`)).toEqual([
      "用户名：zhangsan",
      "变更前：无",
      "变更后：主管部门工作人员（金水区）",
    ]);
    expect(detailLines(e, enWords).map((l) => `${l.label}: ${l.value}`)).toEqual([
      "Username: zhangsan",
      "Before: None",
      "After: Official (Jinshui District)",
    ]);
  });

  it("turns the server's reason codes into sentences and keeps a person's own reason", () => {
    const denied = entry({
      action: "access.denied",
      outcome: "denied",
      target: "GET /api/audit",
      details: { reason: "permission audit:read required" },
    });
    expect(targetWords(denied, zhWords)).toBe("查看：审计日志");
    expect(detailLines(denied, zhWords)[0].value).toBe("缺少权限：查看审计日志");
    expect(detailLines(denied, enWords)[0].value).toBe("Missing permission: Read the audit log");
    const failed = entry({
      action: "auth.signin_failed",
      target: "zhangsan",
      details: { reason: "bad_password", failures: 2, locked: false },
    });
    expect(targetWords(failed, zhWords)).toBe("账户 zhangsan");
    expect(detailLines(failed, zhWords).map((l) => l.value)).toEqual(["密码错误", "2", "否"]);
    const reveal = entry({ action: "pii.revealed", details: { fields: ["phone", "idNumber"], reason: "核实申请人" } });
    expect(detailLines(reveal, zhWords).map((l) => l.value)).toEqual(["手机号、身份证号", "核实申请人"]);
  });

  it("names case types and states, and an export by what was exported", () => {
    const moved = entry({
      action: "case.accept",
      target: "case:3",
      details: { type: "mediation", from: "submitted", to: "mediating" },
    });
    expect(detailLines(moved, zhWords).map((l) => `${l.label}：${l.value}`)).toEqual([
      "业务类型：纠纷调解",
      "由：已提交",
      "变为：调解中",
    ]);
    const exported = entry({
      action: "data.export",
      target: "GET /api/search/export",
      details: { query: { q: "TI=电池", format: "xlsx" }, status: 200 },
    });
    expect(targetWords(exported, zhWords)).toBe("导出：专利检索");
    expect(detailLines(exported, zhWords).map((l) => l.value)).toEqual(["检索式：TI=电池；格式：xlsx", "成功"]);
  });
});
