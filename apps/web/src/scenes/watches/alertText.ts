import type { AlertSummary } from "@zhichan/shared";
import type { TFunction } from "i18next";

/** An alert in one line: what its watch found, and how many patents. */
export function alertHeadline(t: TFunction, a: Pick<AlertSummary, "kind" | "title" | "recordCount">): string {
  const key =
    a.kind === "new_hits" ? "watches.bellNewHits" : a.kind === "digest" ? "watches.bellDigest" : "watches.bellEvents";
  return t(key, { title: a.title, n: a.recordCount });
}
