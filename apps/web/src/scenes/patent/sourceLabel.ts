import type { TFunction } from "i18next";

/**
 * A record's source in the reader's words. The data sets shipped in data/ carry internal keys
 * (imports/shipped-data.ts: cn_patents_merged, zz_cnipa_sample, patentics_global_<company>) that mean nothing to a
 * reader; a tag an official typed for an import ('incopat-2025w14') is shown as typed.
 */
export function sourceLabel(source: string, t: TFunction): string {
  if (source === "cn_patents_merged" || source === "zz_cnipa_sample") return t(`patent.shippedSource.${source}`);
  const global = /^patentics_global_(.+)$/.exec(source);
  if (global) return t("patent.shippedSource.patentics_global", { name: global[1].replace(/_/g, " ") });
  return source;
}
