import { Button, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Links the server keeps: http(s), mailto and the site's own paths (content-sanitiser.ts drops any other href). */
const KEPT = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/[^\s/][^\s]*|\/)$/i;

/** The address of a link, asked in a row under the toolbar and checked before it is set. */
export function LinkForm({
  initial,
  onApply,
  onCancel,
}: {
  initial: string;
  onApply: (href: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [href, setHref] = useState(initial);
  const [error, setError] = useState(false);
  const apply = () => {
    const v = href.trim();
    if (!KEPT.test(v)) return setError(true);
    onApply(v);
  };
  return (
    <div className="rich-text-link-form">
      <Space.Compact style={{ width: 420, maxWidth: "100%" }}>
        <Input
          autoFocus
          aria-label={t("publicInfo.editor.linkUrl")}
          placeholder="https://"
          value={href}
          status={error ? "error" : undefined}
          onChange={(e) => {
            setHref(e.target.value);
            setError(false);
          }}
          onPressEnter={(e) => {
            e.preventDefault();
            apply();
          }}
        />
        <Button type="primary" onClick={apply} data-testid="link-apply">
          {t("publicInfo.editor.linkApply")}
        </Button>
        <Button onClick={onCancel} data-testid="link-cancel">
          {t("publicInfo.editor.linkCancel")}
        </Button>
      </Space.Compact>
      {error && (
        <Typography.Text type="danger" role="alert" style={{ display: "block" }}>
          {t("publicInfo.editor.linkInvalid")}
        </Typography.Text>
      )}
    </div>
  );
}
