import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { QuerySyntaxError } from "./QuerySyntaxError";

/** Any failure, in words a user understands; syntax errors point at the spot in the query. */
export function ErrorView({ error, query, onRetry }: { error: unknown; query?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.syntax && query !== undefined) {
    return <QuerySyntaxError query={query} details={error.syntax} message={error.message} />;
  }
  const code = error instanceof ApiError ? error.code : "INTERNAL";
  const detail = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t(`errors.${code}`, { defaultValue: t("errors.title") })}
      description={detail && detail !== code ? t("errors.serverSays", { message: detail }) : undefined}
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
