import type { RateInput, RatingView } from "@zhichan/shared";
import { Alert, Button, Input, Rate, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { rate } from "../../api/serviceDesk";
import { useLocalError } from "../../components/useLocalError";

/** 好差评: five stars and a comment, once; afterwards the rating given. */
export function RateBox({
  subject,
  id,
  token,
  given,
  onDone,
}: {
  subject: RateInput["subject"];
  id: number;
  token?: string;
  given: RatingView | null;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const localError = useLocalError();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  const [done, setDone] = useState<RatingView | null>(given);
  const [error, setError] = useState<string | null>(null);
  const tips = [1, 2, 3, 4, 5].map((n) => t(`serviceDesk.rating.scores.${n}`));
  if (done)
    return (
      <Space wrap data-testid="rating-given">
        <Typography.Text type="secondary">{t("serviceDesk.rating.yours")}</Typography.Text>
        <Rate disabled value={done.score} />
        {done.comment && <Typography.Text>{done.comment}</Typography.Text>}
      </Space>
    );
  const submit = async () => {
    try {
      setDone(await rate({ subject, id, score, comment: comment || undefined, token }));
      onDone?.();
    } catch (e) {
      setError(localError(e));
    }
  };
  return (
    <div className="desk-rate" data-testid="rate-box">
      <Typography.Text strong>{t("serviceDesk.rating.give")}</Typography.Text>
      <Rate value={score} onChange={setScore} tooltips={tips} aria-label={t("serviceDesk.rating.give")} />
      {score > 0 && <Typography.Text type="secondary">{tips[score - 1]}</Typography.Text>}
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={comment}
        placeholder={t("serviceDesk.rating.comment")}
        onChange={(e) => setComment(e.target.value)}
      />
      {error && <Alert type="error" showIcon message={error} />}
      <Button type="primary" disabled={score === 0} onClick={submit} data-testid="rate-submit">
        {t("serviceDesk.rating.submit")}
      </Button>
    </div>
  );
}
