import { AppError } from "@zhichan/core";
import { recordInScope, ZHENGZHOU_ZONES } from "@zhichan/core/registry/index.ts";
import type { RequestContext } from "../../http/auth-context.js";

/** The SQL filter for a caller's district scope (null = city-wide). */
export function scopeFilter(ctx: RequestContext): { code: string; zone: string | null } | null {
  if (ctx.district === null) return null;
  return { code: ctx.district, zone: ZHENGZHOU_ZONES.find((z) => z.code === ctx.district)?.name ?? null };
}

export function canSee(ctx: RequestContext, r: { district_code: string | null; zone: string | null }): boolean {
  return recordInScope(ctx.district, { districtCode: r.district_code, zone: r.zone });
}

/** Out of scope looks the same as missing: a district official learns nothing about other districts' records. */
export function assertVisible<T extends { district_code: string | null; zone: string | null }>(
  ctx: RequestContext,
  r: T | undefined,
  what: string,
): T {
  if (!r || !canSee(ctx, r)) throw new AppError("NOT_FOUND", `没有这条记录 ${what} · no such record ${what}`);
  return r;
}

/** A district official may only write records placed in its own district (or its coded zone). */
export function canWrite(ctx: RequestContext, r: { districtCode: string | null; zone: string | null }): boolean {
  return ctx.district === null || recordInScope(ctx.district, r);
}

export function assertWritable(ctx: RequestContext, r: { districtCode: string | null; zone: string | null }): void {
  if (!canWrite(ctx, r))
    throw new AppError(
      "FORBIDDEN",
      `只能登记本辖区（${ctx.district}）的记录 · you may only record entries of district ${ctx.district}`,
      {
        reason: "district scope",
      },
    );
}

export function assertCityWide(ctx: RequestContext, what: string): void {
  if (ctx.district !== null)
    throw new AppError("FORBIDDEN", `仅市级管理人员可以${what} · only city-wide officials may ${what}`, {
      reason: "district scope",
    });
}
