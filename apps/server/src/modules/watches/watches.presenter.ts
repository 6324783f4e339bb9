import type {
  AlertDetail,
  AlertRecord,
  AlertSummary,
  HistoryItem,
  SavedSearch,
  SearchSort,
  Watch,
} from "@zhichan/shared";
import type { AlertRecordRow, AlertRow, HistoryRow, SavedSearchRow, WatchRow } from "./watches.repository.js";

/** An alert's records as one search: the publication numbers (a list of numbers finds any of them; docs/QUERY.md). */
const MAX_SEARCH_NUMBERS = 200;

export function toSavedSearch(r: SavedSearchRow): SavedSearch {
  const params = JSON.parse(r.params_json) as { sort?: SearchSort };
  return {
    id: r.id,
    name: r.name,
    q: r.q,
    group: r.group_by,
    sort: params.sort ?? null,
    createdAt: r.created_at,
    watchId: r.watch_id,
  };
}

export function toHistory(r: HistoryRow): HistoryItem {
  return { id: r.id, q: r.q, group: r.group_by, at: r.at };
}

export function toWatch(r: WatchRow): Watch {
  const targetId = r.saved_search_id ?? r.patent_id ?? r.applicant_id ?? 0;
  return {
    id: r.id,
    kind: r.kind,
    targetId,
    label: r.label ?? `#${targetId}`,
    detail: r.detail,
    createdAt: r.created_at,
  };
}

export function toAlert(r: AlertRow, alertCount: number | null): AlertSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    watchKind: r.watch_kind,
    recordCount: r.record_count,
    alertCount,
    createdAt: r.created_at,
    unread: r.read_at === null,
  };
}

function toRecord(r: AlertRecordRow): AlertRecord {
  return {
    patentId: r.patent_id,
    publicationNumber: r.pub_no,
    title: r.title,
    type: r.type as AlertRecord["type"],
    status: r.status as AlertRecord["status"],
    publicationDate: r.pub_date,
    event:
      r.event_id > 0 && r.event_kind
        ? { date: r.event_date, kind: r.event_kind, value: r.to_value, text: r.to_raw }
        : null,
  };
}

export function toAlertDetail(r: AlertRow, alertCount: number | null, records: AlertRecordRow[]): AlertDetail {
  const numbers = [...new Set(records.map((x) => x.pub_no))];
  return {
    ...toAlert(r, alertCount),
    records: records.map(toRecord),
    searchQuery:
      numbers.length > 0 && numbers.length <= MAX_SEARCH_NUMBERS && numbers.length === r.record_count
        ? numbers.join(" ")
        : null,
  };
}
