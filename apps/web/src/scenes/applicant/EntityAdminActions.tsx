import { BranchesOutlined, EditOutlined, MergeCellsOutlined } from "@ant-design/icons";
import type { ApplicantProfile } from "@zhichan/shared";
import { App, Button, Checkbox, Form, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { mergeApplicant, renameApplicant, splitApplicant } from "../../api/dataQuality";
import { EntityActionModal } from "./EntityActionModal";
import { MergeTargetSelect } from "./MergeTargetSelect";
import { ReasonField } from "./ReasonField";

type Action = "merge" | "split" | "rename" | null;

/** Merge, split and rename for officials with data:import; each change reloads the page's profile. */
export function EntityAdminActions({ a, onChanged }: { a: ApplicantProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Action>(null);
  const close = () => setOpen(null);
  const canSplit = a.aliases.length > 1;
  return (
    <>
      <Space wrap>
        <Button icon={<MergeCellsOutlined />} onClick={() => setOpen("merge")} data-action="entity-merge">
          {t("entityAdmin.merge")}
        </Button>
        <Button
          icon={<BranchesOutlined />}
          onClick={() => setOpen("split")}
          disabled={!canSplit}
          title={canSplit ? undefined : t("entityAdmin.onlySpelling")}
          data-action="entity-split"
        >
          {t("entityAdmin.split")}
        </Button>
        <Button icon={<EditOutlined />} onClick={() => setOpen("rename")} data-action="entity-rename">
          {t("entityAdmin.rename")}
        </Button>
      </Space>

      <EntityActionModal<{ into: number; reason: string }>
        title={t("entityAdmin.merge")}
        open={open === "merge"}
        onClose={close}
        testId="entity-merge"
        onSubmit={async (v) => {
          const r = await mergeApplicant(a.id, { into: v.into, reason: v.reason.trim() });
          message.success(t("entityAdmin.merged", { n: r.patentsTouched }));
          onChanged();
        }}
      >
        {() => (
          <>
            <p className="raw-value">{t("entityAdmin.targetHint")}</p>
            <Form.Item
              name="into"
              label={t("entityAdmin.target")}
              rules={[{ required: true, message: t("entityAdmin.targetRequired") }]}
            >
              <MergeTargetSelect exclude={a.id} />
            </Form.Item>
            <ReasonField />
          </>
        )}
      </EntityActionModal>

      <EntityActionModal<{ aliases: string[]; reason: string }>
        title={t("entityAdmin.split")}
        open={open === "split"}
        onClose={close}
        testId="entity-split"
        onSubmit={async (v) => {
          const r = await splitApplicant(a.id, { aliases: v.aliases, reason: v.reason.trim() });
          message.success(
            <span>
              {t("entityAdmin.splitDone", { n: r.patentsTouched })}{" "}
              <Link to={`/applicants/${r.id}`}>{t("entityAdmin.openNew")}</Link>
            </span>,
            8,
          );
          onChanged();
        }}
      >
        {() => (
          <>
            <p className="raw-value">{t("entityAdmin.aliasesHint")}</p>
            <Form.Item
              name="aliases"
              label={t("entityAdmin.aliases")}
              rules={[{ required: true, type: "array", min: 1, message: t("entityAdmin.aliasesRequired") }]}
            >
              <Checkbox.Group className="entity-aliases" options={a.aliases.map((x) => ({ label: x, value: x }))} />
            </Form.Item>
            <ReasonField />
          </>
        )}
      </EntityActionModal>

      <EntityActionModal<{ name: string; reason: string }>
        title={t("entityAdmin.rename")}
        open={open === "rename"}
        onClose={close}
        testId="entity-rename"
        onSubmit={async (v) => {
          await renameApplicant(a.id, { name: v.name.trim(), reason: v.reason.trim() });
          message.success(t("entityAdmin.renamed"));
          onChanged();
        }}
      >
        {() => (
          <>
            <Form.Item
              name="name"
              label={t("entityAdmin.newName")}
              initialValue={a.name}
              rules={[{ required: true, whitespace: true, max: 200, message: t("entityAdmin.nameRequired") }]}
            >
              <Input maxLength={200} data-field="name" />
            </Form.Item>
            <ReasonField />
          </>
        )}
      </EntityActionModal>
    </>
  );
}
