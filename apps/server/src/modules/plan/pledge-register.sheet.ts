import { type IpAssetType, PledgeRegistrationInput } from "@zhichan/shared";
import { readUploadedRows, UNREADABLE_WORKBOOK, type WorkbookCell } from "../../uploads/read-workbook.js";

/**
 * Pledge-registration lists as spreadsheets, in the two layouts officials receive:
 * - a bank's ledger (`bank`): one row per registration — 出质人, 质权人 (or 贷款银行), 专利号 (several, separated by
 *   ；、,), 质押金额 with its unit in the header (元 / 万元 / 亿元), 登记日期, 登记号;
 * - CNIPA's pledge-registration list (`cnipa`, as the gazette's 专利权质押合同登记 entries): one row per patent —
 *   专利号/申请号, 登记号, 登记生效日, 出质人, 质权人, often 主分类号 and 发明名称, and no amount. Rows of one
 *   registration number are one registration; rows whose 事务类型 says 变更 or 注销 are not new registrations.
 * Every row is checked; one wrong row rejects the file, with every problem named by Excel row and column.
 */
export type SheetLayout = "bank" | "cnipa";

const HEADERS = {
  registrationNo: ["质押登记号", "登记号", "登记编号", "质押合同登记号", "合同登记号"],
  registeredOn: ["登记生效日", "登记生效日期", "登记日期", "登记日", "质押登记日", "生效日"],
  pledgor: ["出质人"],
  pledgee: ["质权人", "贷款银行", "质权银行"],
  patents: ["专利号", "申请号", "专利号/申请号", "专利（申请）号", "质押专利", "商标注册号", "注册号", "质押商标"],
  assetType: ["权利类型", "质押物类型", "出质权利类型", "质押标的类型"],
  districtCode: ["区县代码", "所在区县代码"],
  event: ["事务类型", "事务", "法律事件"],
} as const;
type Field = keyof typeof HEADERS | "amount";
const CNIPA_MARKERS = ["登记生效日", "登记生效日期", "主分类号", "发明名称"];

export interface SheetRow {
  rows: number[];
  input: PledgeRegistrationInput;
}
/** A row's problem: the message in Chinese, and a code with its values for the web to say in the UI's language. */
export interface SheetIssue {
  row: number;
  column: string | null;
  code: string;
  params: Record<string, string | number>;
  message: string;
}
export interface SheetResult {
  layout: SheetLayout | null;
  registrations: SheetRow[];
  ignored: number;
  errors: SheetIssue[];
}

const text = (v: WorkbookCell | undefined): string =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

/** 2024-03-15, 2024/3/15, 2024.03.15, 20240315, 2024年3月15日 or an Excel serial day → YYYY-MM-DD (else ""). */
export function sheetDate(v: WorkbookCell | undefined): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number" && v > 20000 && v < 80000)
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000).toISOString().slice(0, 10);
  const s = text(v);
  const m = s.match(/^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/);
  if (!m) return "";
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : "";
}

/** The amount column's unit, from its header: 质押金额（万元） → 1e4. */
const unitOf = (header: string) => (header.includes("亿元") ? 1e8 : header.includes("万元") ? 1e4 : 1);

export async function readPledgeSheet(bytes: Uint8Array): Promise<SheetResult> {
  const cells = await readUploadedRows(bytes);
  if (!cells) return fail("unreadable", {}, UNREADABLE_WORKBOOK);
  const header = (cells[0] ?? []).map((c) => text(c).replace(/\s+/g, ""));
  const col = new Map<Field, number>();
  for (const [field, names] of Object.entries(HEADERS) as [Field, readonly string[]][]) {
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) col.set(field, i);
  }
  const amountCol = header.findIndex((h) => h.includes("金额"));
  if (amountCol >= 0) col.set("amount", amountCol);
  const layout: SheetLayout = header.some((h) => CNIPA_MARKERS.includes(h)) ? "cnipa" : "bank";
  const required: Field[] = ["registrationNo", "registeredOn", "pledgor", "pledgee", "patents"];
  if (layout === "bank") required.push("amount");
  const missing = required.filter((f) => !col.has(f));
  if (missing.length)
    return {
      ...fail(
        "missing_columns",
        { fields: missing.join(",") },
        `第 1 行缺少列：${missing.map((f) => (f === "amount" ? "质押金额" : HEADERS[f][0])).join("、")}`,
      ),
      layout,
    };

  const errors: SheetResult["errors"] = [];
  const byNo = new Map<string, SheetRow>();
  let ignored = 0;
  const scale = unitOf(header[amountCol] ?? "");
  for (let r = 1; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const get = (f: Field) => (col.has(f) ? row[col.get(f)!] : undefined);
    if (row.every((c) => text(c) === "")) continue;
    const excelRow = r + 1;
    const err = (f: Field | null, code: string, params: Record<string, string | number>, message: string) =>
      errors.push({
        row: excelRow,
        column: f ? (f === "amount" ? header[amountCol] : header[col.get(f)!]) : null,
        code,
        params,
        message,
      });
    if (/变更|注销/.test(text(get("event")))) {
      ignored++;
      continue;
    }
    const date = sheetDate(get("registeredOn"));
    if (!date)
      err(
        "registeredOn",
        "bad_date",
        { value: text(get("registeredOn")) },
        `不是有效日期「${text(get("registeredOn"))}」`,
      );
    const rawAmount = text(get("amount")).replace(/[,，\s]/g, "");
    const amount = rawAmount === "" ? null : Number(rawAmount);
    if (amount !== null && !(Number.isFinite(amount) && amount > 0))
      err("amount", "bad_amount", { value: rawAmount }, `金额须为正数「${rawAmount}」`);
    if (layout === "bank" && amount === null) err("amount", "amount_required", {}, "质押金额必填");
    const patents = text(get("patents"))
      .split(/[;；,，、\s]+/)
      .filter(Boolean);
    const assetType = assetTypeOf(text(get("assetType")), header[col.get("patents")!] ?? "");
    if (!assetType) {
      err(
        "assetType",
        "bad_asset_type",
        { value: text(get("assetType")) },
        `权利类型不明「${text(get("assetType"))}」`,
      );
      continue;
    }
    const parsed = PledgeRegistrationInput.safeParse({
      assetType,
      registrationNo: text(get("registrationNo")),
      registeredOn: date || "0000-00-00",
      pledgor: text(get("pledgor")),
      pledgee: text(get("pledgee")),
      patents,
      amountYuan: amount !== null && amount > 0 ? Math.round(amount * scale) : null,
      districtCode: text(get("districtCode")) || null,
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const f = String(i.path[0] ?? "") as Field;
        if (f === "registeredOn") continue; // said above, in words
        if (f === "patents")
          err(
            "patents",
            "bad_patents",
            { value: patents.join("、") },
            `${assetType === "patent" ? "专利号" : "权利号码"}不正确：${patents.join("、") || "（空）"}`,
          );
        else err(col.has(f) ? f : null, "bad_field", { field: f }, i.message);
      }
      continue;
    }
    if (!date) continue;
    const seen = byNo.get(parsed.data.registrationNo);
    if (!seen) {
      byNo.set(parsed.data.registrationNo, { rows: [excelRow], input: parsed.data });
      continue;
    }
    // one registration over several rows (CNIPA: a row per patent): the same parties and date, patents added
    const a = seen.input;
    const b = parsed.data;
    if (
      a.pledgor !== b.pledgor ||
      a.pledgee !== b.pledgee ||
      a.registeredOn !== b.registeredOn ||
      a.assetType !== b.assetType
    )
      err(
        "registrationNo",
        "conflicting_rows",
        { no: b.registrationNo, first: seen.rows[0] },
        `登记号 ${b.registrationNo} 与第 ${seen.rows[0]} 行的出质人、质权人或日期不同`,
      );
    else {
      seen.rows.push(excelRow);
      a.patents = [...new Set([...a.patents, ...b.patents])];
      if (b.amountYuan !== null && a.amountYuan !== null && a.amountYuan !== b.amountYuan)
        err(
          "amount",
          "amount_differs",
          { no: b.registrationNo, first: seen.rows[0] },
          `登记号 ${b.registrationNo} 的金额与第 ${seen.rows[0]} 行不同`,
        );
      a.amountYuan ??= b.amountYuan;
    }
  }
  return { layout, registrations: [...byNo.values()], ignored, errors };
}

/** The kind of right a row pledges: its own column's word, else a trademark-number column, else patents. */
const TYPE_WORDS: [RegExp, IpAssetType][] = [
  [/软件/, "software_copyright"],
  [/布图|集成电路/, "ic_layout"],
  [/地理标志/, "gi"],
  [/商标/, "trademark"],
  [/著作权|版权|作品/, "copyright"],
  [/专利/, "patent"],
];
function assetTypeOf(word: string, numbersHeader: string): IpAssetType | null {
  if (word) return TYPE_WORDS.find(([re]) => re.test(word))?.[1] ?? null;
  return /商标|^注册号$/.test(numbersHeader) ? "trademark" : "patent";
}

function fail(code: string, params: Record<string, string | number>, message: string): SheetResult {
  return { layout: null, registrations: [], ignored: 0, errors: [{ row: 1, column: null, code, params, message }] };
}
