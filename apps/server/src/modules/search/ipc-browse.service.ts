/**
 * The IPC browser (issue #16 item 6): one level of the Chinese IPC tree with the hits of the current query under
 * each code, and a search of the tree's titles by words. Counts come from the engine's IPC facets (section, class,
 * subclass, main group), restricted to the opened branch's prefix: one pass over the hits per request.
 */
import type { FacetField } from "@zhichan/core/search/types.ts";
import type { CountUnit } from "@zhichan/shared";
import type { IpcBrowseNode, IpcBrowseResponse, IpcFindResponse } from "@zhichan/shared/search-assist.ts";
import type { IpcNode, ReferenceService } from "../reference/reference.service.js";
import type { Expansion, SearchService } from "./search.service.js";

/** Facet of each level; its children's level is the next one. */
const LEVEL_FACET: Record<IpcNode["level"], FacetField> = {
  section: "ipc_section",
  class: "ipc_class",
  subclass: "ipc_subclass",
  maingroup: "ipc_group",
};
/** Codes a title search lists. */
export const FIND_LIMIT = 60;

export interface IpcQuery extends Expansion {
  q: string;
  group: CountUnit;
}

export class IpcBrowseService {
  constructor(
    private readonly search: SearchService,
    private readonly reference: ReferenceService,
  ) {}

  browse(parent: string, query: IpcQuery): IpcBrowseResponse {
    const code = parent.toUpperCase();
    const { items } = this.reference.ipcChildren(code || null); // NOT_FOUND for a code not in the tree
    const facet = LEVEL_FACET[items[0]?.level ?? "section"];
    const { total, counts } = this.search.ipcCounts(query.q || "*", [facet], code, query.group, query);
    return {
      parent: code || null,
      path: this.reference.ipcPath(code).map((n) => ({ code: n.code, titleZh: n.titleZh })),
      total,
      items: items.map((n) => withCount(n, counts)),
    };
  }

  find(words: string, query: IpcQuery): IpcFindResponse {
    const { items, truncated } = this.reference.ipcFind(words, FIND_LIMIT);
    const facets = [...new Set(items.map((n) => LEVEL_FACET[n.level]))];
    const { counts } = this.search.ipcCounts(query.q || "*", facets, "", query.group, query);
    // where the query's hits are first; the scheme's order among equals (a stable sort)
    const listed = items.map((n) => withCount(n, counts)).sort((a, b) => b.count - a.count);
    return { items: listed, truncated };
  }
}

function withCount(n: IpcNode, counts: Map<string, number>): IpcBrowseNode {
  return { ...n, count: counts.get(n.code) ?? 0 };
}
