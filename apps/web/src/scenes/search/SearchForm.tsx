import { QuestionCircleOutlined } from "@ant-design/icons";
import { Button, Drawer, Input, Segmented } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryHelp } from "../../components/QueryHelp";
import { QueryBuilder } from "./QueryBuilder";
import type { SearchMode } from "./useSearchUrl";
import "./search.css";

interface Props {
  query: string;
  mode: SearchMode;
  onMode: (mode: SearchMode) => void;
  onSearch: (query: string) => void;
}

/** The query form: simple box, or advanced field builder writing into the same box; help in a drawer. */
export function SearchForm({ query, mode, onMode, onSearch }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(query);
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => setDraft(query), [query]);

  // an empty box is a search too: it clears the query (statistics then chart every patent)
  const submit = (q: string) => onSearch(q.trim());

  return (
    <section className="search-form" aria-label={t("search.title")}>
      <div className="search-form-top">
        <Segmented
          aria-label={t("search.mode")}
          value={mode}
          onChange={(v) => onMode(v as SearchMode)}
          options={[
            { value: "simple", label: t("search.simple") },
            { value: "advanced", label: t("search.advanced") },
          ]}
        />
        <Button icon={<QuestionCircleOutlined />} onClick={() => setHelpOpen(true)}>
          {t("search.help")}
        </Button>
      </div>
      {mode === "advanced" && (
        <QueryBuilder
          onWrite={(q, run) => {
            setDraft(q);
            if (run) submit(q);
          }}
        />
      )}
      <label htmlFor="search-query" className="field-label">
        {t("search.queryLabel")}
      </label>
      {mode === "advanced" ? (
        <div className="search-advanced-box">
          <Input.TextArea
            id="search-query"
            data-testid="query-input"
            value={draft}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t("search.placeholder")}
            onChange={(e) => setDraft(e.target.value)}
            onPressEnter={(e) => {
              if (!e.shiftKey) {
                e.preventDefault();
                submit(draft);
              }
            }}
          />
          <div className="search-advanced-actions">
            <Button onClick={() => setDraft("")}>{t("search.reset")}</Button>
            <Button type="primary" onClick={() => submit(draft)} data-testid="search-submit">
              {t("search.submit")}
            </Button>
          </div>
        </div>
      ) : (
        <Input.Search
          id="search-query"
          data-testid="query-input"
          size="large"
          value={draft}
          allowClear
          enterButton={t("search.submit")}
          placeholder={t("search.placeholder")}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={submit}
        />
      )}
      <Drawer title={t("help.title")} open={helpOpen} onClose={() => setHelpOpen(false)} width="min(780px, 100vw)">
        <QueryHelp
          onPick={(q) => {
            setDraft(q);
            setHelpOpen(false);
          }}
        />
      </Drawer>
    </section>
  );
}
