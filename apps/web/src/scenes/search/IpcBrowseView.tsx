import { FilterOutlined, RightOutlined } from "@ant-design/icons";
import type { CountUnit } from "@zhichan/shared";
import type { IpcBrowseNode } from "@zhichan/shared/search-assist.ts";
import { Breadcrumb, Button, Input, Progress, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { browseIpc, findIpc } from "../../api/ipc";
import type { CrossLanguage } from "../../api/search";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { ipcNodeLabel } from "./ipcLabel";

interface Props {
  /** The current query ("" or "*": every patent). */
  q: string;
  group: CountUnit;
  crossLanguage: CrossLanguage;
  /** The open branch (URL state). */
  parent: string;
  onOpen: (code: string) => void;
  /** Filter the search by a code (adds IPC=code to the query and shows the list). */
  onFilter: (code: string) => void;
}

/**
 * IPC 分类导航 / IPC browser: one level of the IPC at a time with the current query's hits under each code
 * (sections → classes → subclasses → main groups); a code opens its level, the filter button narrows the search.
 * Titles can be searched by words (the scheme's titles are Chinese).
 */
export function IpcBrowseView({ q, group, crossLanguage, parent, onOpen, onFilter }: Props) {
  const { t, i18n } = useTranslation();
  const [words, setWords] = useState("");
  const query = q || "*";
  const xlKey = `${crossLanguage.on}\u0000${crossLanguage.drop.join(",")}`;
  const level = useAsync(
    words ? null : (signal) => browseIpc({ parent: parent || undefined, q: query, group, crossLanguage }, signal),
    [parent, query, group, xlKey, words],
  );
  const found = useAsync(words ? (signal) => findIpc({ words, q: query, group, crossLanguage }, signal) : null, [
    words,
    query,
    group,
    xlKey,
  ]);
  const res = words ? found : level;
  if (res.error) return <ErrorView error={res.error} query={query} onRetry={res.reload} />;
  const items = (words ? found.data?.items : level.data?.items) ?? [];
  const max = Math.max(1, ...items.map((n) => n.count));
  const label = (n: Pick<IpcBrowseNode, "code" | "level" | "titleZh">) => ipcNodeLabel(n, i18n.language, t);
  const crumb = (code: string, text: string) => (
    <button type="button" className="link-button" onClick={() => onOpen(code)} data-testid="ipc-crumb">
      {text}
    </button>
  );

  return (
    <section className="ipc-browse" aria-label={t("searchAssist.ipcTab")} aria-busy={res.loading}>
      <div className="ipc-browse-bar">
        <p className="muted" data-testid="ipc-scope">
          {q && q !== "*" ? t("searchAssist.ipcScope", { q }) : t("searchAssist.ipcScopeAll")}
        </p>
        <Input.Search
          allowClear
          placeholder={t("searchAssist.ipcFind")}
          aria-label={t("searchAssist.ipcFind")}
          onSearch={(v) => setWords(v.trim())}
          style={{ maxWidth: 360 }}
          data-testid="ipc-find"
        />
      </div>
      {!words && (
        <Breadcrumb
          data-testid="ipc-path"
          items={[
            { title: crumb("", t("searchAssist.ipcAll")) },
            ...(level.data?.path ?? []).map((n) => ({ title: crumb(n.code, n.code) })),
          ]}
        />
      )}
      {words && found.data?.truncated && <p className="muted">{t("searchAssist.ipcTruncated")}</p>}
      {res.loading && items.length === 0 ? (
        <Spin />
      ) : items.length === 0 ? (
        <p className="muted">{t("searchAssist.ipcNothing")}</p>
      ) : (
        <ul className="ipc-rows" data-testid="ipc-rows">
          {items.map((n) => (
            <li key={n.code} className={n.count === 0 ? "ipc-row ipc-row-empty" : "ipc-row"} data-code={n.code}>
              <div className="ipc-row-name">
                {n.hasChildren ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setWords("");
                      onOpen(n.code);
                    }}
                    data-testid="ipc-open"
                  >
                    {label(n)} <RightOutlined />
                  </button>
                ) : (
                  <span>{label(n)}</span>
                )}
              </div>
              <Progress
                className="ipc-row-bar"
                percent={(n.count / max) * 100}
                showInfo={false}
                status="normal"
                size="small"
                aria-hidden
              />
              <span className="ipc-row-count" data-testid="ipc-count">
                {n.count.toLocaleString()}
              </span>
              <Button
                size="small"
                icon={<FilterOutlined />}
                disabled={n.count === 0}
                onClick={() => onFilter(n.code)}
                aria-label={t("searchAssist.ipcFilterCode", { code: n.code })}
                data-testid="ipc-filter"
              >
                {t("searchAssist.ipcFilter")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
