import type { TFunction } from "i18next";
import type { IpcNode } from "../../api/ipc";

/** A scheme title without its references and version marks: "电极〔2〕" → "电极", "…（…入A01C5/00）" → "…". */
export function shortIpcTitle(title: string): string {
  return title
    .replace(/（[^（）]*）/g, "")
    .replace(/\([^()]*\)/g, "")
    .replace(/〔[^〕]*〕/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * How a node of the picker reads: code and Chinese title in the Chinese UI; in the English UI the sections by
 * their English names and everything below by code alone (the scheme's titles here are Chinese only).
 */
export function ipcNodeLabel(n: Pick<IpcNode, "code" | "level" | "titleZh">, lang: string, t: TFunction): string {
  if (lang !== "en") return `${n.code} ${shortIpcTitle(n.titleZh)}`;
  return n.level === "section" ? `${n.code} ${t(`searchUi.ipcSections.${n.code}`)}` : n.code;
}
