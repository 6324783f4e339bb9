import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { apiErrorText } from "../i18n/apiErrors";
import { QuerySyntaxError } from "./QuerySyntaxError";

/** Any failure, in words a user understands; syntax errors point at the spot in the query. */
export function ErrorView({ error, query, onRetry }: { error: unknown; query?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.syntax && query !== undefined) {
    return <QuerySyntaxError query={query} details={error.syntax} />;
  }
  const code = error instanceof ApiError ? error.code : "INTERNAL";
  const title = t(`errors.${code}`, { defaultValue: t("errors.title") });
  // the server's words in the user's language, when they say more than the code's own sentence
  const detail = apiErrorText(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={title}
      description={detail && detail !== title ? t("errors.serverSays", { message: detail }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t("errors.retry")}
          </Button>
        ) : undefined
      }
    />
  );
}
