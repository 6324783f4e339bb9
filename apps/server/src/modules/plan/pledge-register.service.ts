import { AppError } from "@zhichan/core";
import {
  IpAssetType,
  type PledgeImportResult,
  type PledgeRegistration,
  PledgeRegistrationInput,
} from "@zhichan/shared";
import ExcelJS from "exceljs";
import type { Db } from "../../db/connection.js";
import type { RequestContext } from "../../http/auth-context.js";
import { type Clock, isoNow, isoToday } from "../accounts/clock.js";
import type { AuditService } from "../audit/audit.service.js";
import * as repo from "./pledge-register.repository.js";
import { readPledgeSheet } from "./pledge-register.sheet.js";

/** What the register asks of other modules (wired in services.ts). */
export interface PledgeRegisterDeps {
  /** Registration numbers the platform's pledge cases already hold (operations): never counted twice. */
  caseRegistrationNos?: () => Set<string>;
  /** The district of a pledgor the registry knows by name, when the registration does not give one. */
  districtOfOrg?: (name: string) => string | null;
}

/**
 * Pledge registrations made outside the platform's pledge cases (issue #17): an official registers one in a form
 * or imports a bank's or CNIPA's registration list. The plan's pledge-financing figure adds them to the cases'.
 * District officials register in their own district only.
 */
export class PledgeRegisterService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deps: PledgeRegisterDeps = {},
  ) {}

  list(ctx: RequestContext, limit = 500): PledgeRegistration[] {
    return repo.listPledges(this.db, ctx.district, limit).map(present);
  }

  register(ctx: RequestContext, raw: PledgeRegistrationInput): PledgeRegistration {
    // the same normalising whoever calls (ZL prefixes off, numbers upper-cased), not only the HTTP route
    const parsed = PledgeRegistrationInput.safeParse(raw);
    if (!parsed.success)
      throw new AppError("BAD_REQUEST", "质押登记信息不完整或有误 · the registration is incomplete or wrong", {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    const input = parsed.data;
    const row = this.toWrite(ctx, input, "form", null);
    if (this.known(input.registrationNo))
      throw new AppError("CONFLICT", `质押登记号已登记 · registration ${input.registrationNo} is already recorded`, {
        registrationNo: input.registrationNo,
      });
    const id = this.db.sqlite.transaction(() => {
      const newId = repo.insertPledge(this.db, row);
      this.record(ctx, "plan.pledge_registered", newId, { registrationNo: row.registration_no, source: "form" });
      return newId;
    })();
    return present({ ...row, id });
  }

  /** A whole list: every row checked first; any wrong row rejects the file. Numbers already recorded are skipped. */
  async importSheet(ctx: RequestContext, fileName: string, bytes: Uint8Array): Promise<PledgeImportResult> {
    const sheet = await readPledgeSheet(bytes);
    const errors = [...sheet.errors];
    const rows: repo.PledgeWrite[] = [];
    let skipped = sheet.ignored;
    for (const r of sheet.registrations) {
      if (this.known(r.input.registrationNo)) {
        skipped++;
        continue;
      }
      try {
        rows.push(this.toWrite(ctx, r.input, `import:${sheet.layout}`, fileName));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const reason = (e.details as { reason?: string } | undefined)?.reason;
        errors.push({
          row: r.rows[0],
          column: null,
          code: reason === "district scope" ? "out_of_scope" : reason === "future date" ? "future_date" : "refused",
          params: { district: ctx.district ?? "" },
          message: e.message,
        });
      }
    }
    const result = { layout: sheet.layout, skipped, withoutAmount: 0, errors };
    if (errors.length) return { ...result, inserted: 0, rejected: true };
    this.db.sqlite.transaction(() => {
      for (const row of rows) repo.insertPledge(this.db, row);
      this.record(ctx, "plan.pledges_imported", null, {
        fileName,
        layout: sheet.layout,
        inserted: rows.length,
        skipped,
      });
    })();
    return {
      ...result,
      inserted: rows.length,
      withoutAmount: rows.filter((r) => r.amount_yuan === null).length,
      rejected: false,
    };
  }

  /** Registered amount of a year (and district prefix), leaving out numbers a pledge case already counts. */
  amountYuan(f: { year?: number; district?: string }): number {
    const cases = this.deps.caseRegistrationNos?.() ?? new Set<string>();
    return repo
      .pledgesOfYear(this.db, f)
      .filter((p) => !cases.has(p.registration_no))
      .reduce((s, p) => s + (p.amount_yuan ?? 0), 0);
  }

  /** An empty bank-layout list to fill in. */
  async template(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("质押登记");
    ws.columns = [
      { header: "登记号", width: 22 },
      { header: "登记日期", width: 14 },
      { header: "出质人", width: 30 },
      { header: "质权人", width: 30 },
      { header: "专利号", width: 40 },
      { header: "质押金额（万元）", width: 16 },
      { header: "区县代码", width: 12 },
    ];
    ws.getRow(1).font = { bold: true };
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private known(no: string): boolean {
    return !!repo.findByRegistrationNo(this.db, no) || (this.deps.caseRegistrationNos?.().has(no) ?? false);
  }

  private toWrite(
    ctx: RequestContext,
    input: PledgeRegistrationInput,
    source: string,
    fileName: string | null,
  ): repo.PledgeWrite {
    const district = input.districtCode ?? this.deps.districtOfOrg?.(input.pledgor) ?? null;
    if (ctx.district !== null && !district?.startsWith(ctx.district))
      throw new AppError(
        "FORBIDDEN",
        `只能登记本辖区（${ctx.district}）的质押：请填写出质人所在区县 · only pledges in your district (${ctx.district})`,
        { reason: "district scope" },
      );
    if (input.registeredOn > isoToday(this.clock))
      throw new AppError("BAD_REQUEST", "登记日期不能晚于今天 · the registration date is in the future", {
        reason: "future date",
      });
    return {
      registration_no: input.registrationNo,
      registered_on: input.registeredOn,
      year: Number(input.registeredOn.slice(0, 4)),
      amount_yuan: input.amountYuan,
      district_code: district,
      pledgor: input.pledgor,
      pledgee: input.pledgee,
      asset_type: input.assetType ?? "patent",
      patents_json: JSON.stringify(input.patents),
      source,
      file_name: fileName,
      recorded_by: ctx.actor?.username ?? null,
      recorded_at: isoNow(this.clock),
    };
  }

  private record(ctx: RequestContext, action: string, id: number | null, details: Record<string, unknown>): void {
    this.audit.record({
      action,
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? null,
      target: id === null ? "pledge_register" : `pledge:${id}`,
      ip: ctx.ip,
      details,
    });
  }
}

function present(r: repo.PledgeRecord): PledgeRegistration {
  return {
    id: r.id,
    registrationNo: r.registration_no,
    registeredOn: r.registered_on,
    pledgor: r.pledgor,
    pledgee: r.pledgee,
    assetType: IpAssetType.catch("patent").parse(r.asset_type),
    patents: JSON.parse(r.patents_json) as string[],
    amountYuan: r.amount_yuan,
    districtCode: r.district_code,
    source: r.source,
    fileName: r.file_name,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}
