import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BrandApplicationRow, decideBrand } from "../../api/registry";
import { apiErrorText } from "../../i18n/apiErrors";

/**
 * 审核品牌机构申报: a decision note, and — approving an agency graded C or D or with a serious violation open — the
 * reason it is approved all the same, which the server requires and keeps in the audit log.
 */
export function BrandDecisionModal({
  row,
  approve,
  onClose,
  onDecided,
}: {
  row: BrandApplicationRow;
  approve: boolean;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string; overrideReason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asksReason = approve && row.needsReason;
  const note = t("supervision.brand.note");
  const reason = t("supervision.brand.overrideReason");
  const submit = async (v: { note: string; overrideReason?: string }) => {
    setBusy(true);
    try {
      await decideBrand(row.id, approve, v.note.trim(), asksReason ? v.overrideReason?.trim() : undefined);
      onDecided();
      onClose();
    } catch (e) {
      setError(apiErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(approve ? "supervision.brand.approveTitle" : "supervision.brand.rejectTitle")}
      okText={t(approve ? "supervision.brand.approve" : "supervision.brand.reject")}
      okButtonProps={{ danger: !approve, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="off-sub">
        {t("supervision.brand.decideTitle")}
        {t("common.colon")}
        <span data-content>{row.orgName}</span>
      </p>
      {asksReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            row.seriousOpen > 0
              ? t("supervision.brand.needsReasonSerious", { grade: row.grade, n: row.seriousOpen })
              : t("supervision.brand.needsReason", { grade: row.grade })
          }
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="note"
          label={note}
          rules={[
            { required: true, whitespace: true, message: t("validation.required", { field: note }) },
            { min: 2, message: t("validation.minLength", { field: note, min: 2 }) },
          ]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {asksReason && (
          <Form.Item
            name="overrideReason"
            label={reason}
            extra={t("supervision.brand.overrideHint")}
            rules={[
              { required: true, whitespace: true, message: t("validation.required", { field: reason }) },
              { min: 4, message: t("validation.minLength", { field: reason, min: 4 }) },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
