import { Alert, App, Button, Empty, Input, Pagination, Segmented } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { answerQuestion, questionQueue } from "../../api/serviceDesk";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";
import { QuestionCard } from "./QuestionCard";
import "./desk.css";

const FILTERS = ["open", "overdue", "answered", "all"] as const;
const PAGE_SIZE = 20;

/** 咨询答复: the questions the caller may answer (officials in scope, the routed workstation or agency). */
export function ConsultQueuePage() {
  const { t } = useTranslation();
  // the e-mail of an escalation links here with ?status=overdue
  const [params] = useSearchParams();
  const initial = params.get("status");
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>(FILTERS.find((f) => f === initial) ?? "open");
  const [page, setPage] = useState(1);
  const list = useAsync(
    (s) => questionQueue({ status: filter === "all" ? undefined : filter, page, pageSize: PAGE_SIZE }, s),
    [filter, page],
  );
  // answering the last question of the last page leaves it empty: show the page that is now last
  const total = list.data?.total;
  useEffect(() => {
    if (total !== undefined && page > 1 && (page - 1) * PAGE_SIZE >= total)
      setPage(Math.max(1, Math.ceil(total / PAGE_SIZE)));
  }, [total, page]);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  return (
    <div className="desk-page" data-testid="consult-queue">
      <h1>{t("serviceDesk.consult.queue")}</h1>
      <div className="desk-intro">{t("serviceDesk.consult.queueIntro")}</div>
      <Segmented
        value={filter}
        onChange={(v) => {
          setFilter(v as typeof filter);
          setPage(1);
        }}
        options={FILTERS.map((f) => ({ value: f, label: t(`serviceDesk.consult.filter.${f}`) }))}
        style={{ marginBottom: 12, maxWidth: "100%", overflowX: "auto" }}
      />
      {!list.data ? (
        <PageLoading />
      ) : (
        <div className="desk-list">
          {list.data.items.length === 0 && <Empty description={t("serviceDesk.consult.none")} />}
          {list.data.items.map((q) => (
            <QuestionCard key={q.id} q={q} showAsker>
              {q.status === "open" && <AnswerForm id={q.id} onDone={list.reload} />}
            </QuestionCard>
          ))}
          {list.data.total > 0 && (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onChange={setPage}
              showSizeChanger={false}
              showTotal={(n) => t("serviceDesk.consult.total", { n })}
              size="small"
              data-testid="queue-pager"
            />
          )}
        </div>
      )}
    </div>
  );
}

function AnswerForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localError = useLocalError();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    try {
      await answerQuestion(id, text);
      message.success(t("serviceDesk.consult.sent"));
      onDone();
    } catch (e) {
      setError(localError(e));
    }
  };
  return (
    <div className="desk-rate">
      <Input.TextArea
        rows={3}
        maxLength={5000}
        value={text}
        placeholder={t("serviceDesk.consult.write")}
        aria-label={t("serviceDesk.consult.write")}
        onChange={(e) => setText(e.target.value)}
        data-testid="answer-input"
      />
      {error && <Alert type="error" showIcon message={error} />}
      <Button type="primary" disabled={text.trim().length < 2} onClick={send} data-testid="answer-send">
        {t("serviceDesk.consult.send")}
      </Button>
    </div>
  );
}
