import type { Consultation } from "@zhichan/shared";
import { Card, Descriptions, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** One question with its status, deadline, whom it was routed to and the answer; `extra` below (rating, answer form). */
export function QuestionCard({
  q,
  showAsker,
  children,
}: {
  q: Consultation;
  showAsker?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const when = (iso: string | null) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "—");
  return (
    <Card
      size="small"
      className="desk-card"
      data-testid={`question-${q.id}`}
      title={
        <Space wrap size={4}>
          <Tag color="blue">{t(`serviceDesk.consult.topics.${q.topic}`)}</Tag>
          <Tag color={q.status === "answered" ? "green" : "gold"}>{t(`serviceDesk.consult.status.${q.status}`)}</Tag>
          {q.status === "open" && q.overdue && <Tag color="red">{t("serviceDesk.consult.overdue")}</Tag>}
          {q.status === "open" && q.escalated && <Tag color="magenta">{t("serviceDesk.consult.escalated")}</Tag>}
        </Space>
      }
    >
      <Typography.Paragraph className="desk-question">{q.question}</Typography.Paragraph>
      <Descriptions column={1} size="small">
        {showAsker && (
          <Descriptions.Item label={t("serviceDesk.consult.asker")}>
            {q.askerName}
            {q.contact ? ` · ${q.contact}` : ""}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("serviceDesk.consult.routedTo")}>
          {q.routedTo.name ?? t(`serviceDesk.consult.routed.${q.routedTo.kind}`)}
        </Descriptions.Item>
        {q.status === "open" && (
          // the deadline is the end of a working day (24:00 China time): its day is what people need
          <Descriptions.Item label={t("serviceDesk.consult.due")}>
            {dayjs(new Date(q.dueAt).getTime() - 1).format("YYYY-MM-DD")}
          </Descriptions.Item>
        )}
        {q.answer && (
          <Descriptions.Item label={t("serviceDesk.consult.answer")}>
            <span data-testid="answer-text">{q.answer}</span>
            <Typography.Text type="secondary">
              {" "}
              — {q.answeredBy} · {when(q.answeredAt)}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {children}
    </Card>
  );
}
