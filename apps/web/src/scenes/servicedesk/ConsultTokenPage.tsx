import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { questionByToken } from "../../api/serviceDesk";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { QuestionCard } from "./QuestionCard";
import { RateBox } from "./RateBox";
import "./desk.css";

/** A public asker's question by their private link: the answer, and the rating once answered. */
export function ConsultTokenPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const q = useAsync((s) => questionByToken(token, s), [token]);
  if (q.error) return <Result status="404" title={t("serviceDesk.consult.notFound")} />;
  if (!q.data) return <PageLoading />;
  return (
    <div className="desk-page" data-testid="consult-token-page">
      <h1>{t("serviceDesk.consult.title")}</h1>
      <QuestionCard q={q.data}>
        {q.data.status === "answered" && (
          <RateBox subject="consultation" id={q.data.id} token={token} given={q.data.rating} />
        )}
      </QuestionCard>
    </div>
  );
}
