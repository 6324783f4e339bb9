import type { AskQuestionResult } from "@zhichan/shared";
import { Alert, App, Card, Empty, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { myQuestions } from "../../api/serviceDesk";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { AskForm } from "./AskForm";
import { QuestionCard } from "./QuestionCard";
import { RateBox } from "./RateBox";
import "./desk.css";

/** 在线咨询: ask (public or signed in); a signed-in person's questions with the answers and their rating. */
export function ConsultPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, user } = useSession();
  const mine = useAsync(user ? (s) => myQuestions(s) : null, [user?.id]);
  const [asked, setAsked] = useState<AskQuestionResult | null>(null);
  if (session === undefined) return <PageLoading />;
  const link = asked ? `${window.location.origin}/consult/q/${asked.token}` : "";
  return (
    <div className="desk-page" data-testid="consult-page">
      <h1>{t("serviceDesk.consult.title")}</h1>
      <div className="desk-intro">{t("serviceDesk.consult.intro")}</div>
      <div className="desk-grid">
        <Card title={t("serviceDesk.consult.ask")}>
          <AskForm
            signedIn={!!user}
            onAsked={(r) => {
              setAsked(r);
              if (user) message.success(t("serviceDesk.consult.asked"));
              mine.reload();
            }}
          />
          {asked && !user && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              data-testid="ask-done"
              message={t("serviceDesk.consult.submitted")}
              description={
                <Typography.Link className="desk-token" href={link} copyable={{ text: link }}>
                  {link}
                </Typography.Link>
              }
            />
          )}
        </Card>
        {user && (
          <Card title={t("serviceDesk.consult.mine")}>
            <div className="desk-list" data-testid="my-questions">
              {mine.data?.length === 0 && <Empty description={t("serviceDesk.consult.none")} />}
              {mine.data?.map((q) => (
                <QuestionCard key={q.id} q={q}>
                  {q.status === "answered" && <RateBox subject="consultation" id={q.id} given={q.rating} />}
                </QuestionCard>
              ))}
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}
