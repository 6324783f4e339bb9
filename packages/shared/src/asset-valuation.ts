import { z } from "zod";
import { ValuationPurpose, ValuationReport } from "./cases.js";
import { checkAssetFields, IP_ASSET_TYPES } from "./ip-assets.js";

/**
 * Declared-input valuation of a right other than a patent (GET /api/valuations/assets): the type and number,
 * validated by the type's format, and what the owner declares — status, the date its term runs from, judgements.
 */
export const DECLARED_ASSET_TYPES = IP_ASSET_TYPES.filter((t) => t !== "patent") as [
  "trademark",
  "copyright",
  "software_copyright",
  "gi",
  "ic_layout",
];
const Judgement = z.coerce.number().min(0).max(100).optional();

export const AssetValuationQuery = z
  .object({
    type: z.enum(DECLARED_ASSET_TYPES),
    number: z.string().trim().min(1).max(40),
    niceClass: z.coerce.number().int().min(1).max(45).optional(),
    status: z.enum(["registered", "pending", "lapsed"]).default("registered"),
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
      .optional(),
    purpose: ValuationPurpose.default("financing"),
    marketSize: Judgement,
    industrialisation: Judgement,
    substitutability: Judgement,
    recognition: Judgement,
  })
  .superRefine((v, ctx) =>
    checkAssetFields({ type: v.type, number: v.number, niceClass: v.niceClass }, ctx, {
      type: "type",
      number: "number",
      niceClass: "niceClass",
    }),
  );
export type AssetValuationQuery = z.input<typeof AssetValuationQuery>;

export const AssetValuationReport = ValuationReport.omit({ patent: true }).extend({
  asset: z.object({ type: z.string(), number: z.string(), niceClass: z.number().nullable() }),
});
export type AssetValuationReport = z.infer<typeof AssetValuationReport>;
