import type { Industry, IndustryInput } from "@zhichan/shared";
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { createIndustry, updateIndustry } from "../../api/analytics";
import { ApiError } from "../../api/client";

const tags = (placeholder: string) => (
  <Select mode="tags" tokenSeparators={[",", "，", ";", " "]} placeholder={placeholder} />
);

/** Create or edit an industry definition (officials: industry:write). */
export function IndustryForm({
  open,
  industry,
  onClose,
  onSaved,
}: {
  open: boolean;
  industry: Industry | null;
  onClose: () => void;
  onSaved: (i: Industry) => void;
}) {
  const [form] = Form.useForm<IndustryInput>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const input: IndustryInput = {
        name: v.name,
        seiCode: v.seiCode || null,
        ipcPrefixes: (v.ipcPrefixes ?? []).map((s) => s.toUpperCase().replace(/\s+/g, "")),
        keywords: v.keywords ?? [],
        exclusions: v.exclusions ?? [],
        notes: v.notes ?? "",
      };
      const saved = industry ? await updateIndustry(industry.id, input) : await createIndustry(input);
      message.success("已保存");
      onSaved(saved);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={industry ? `编辑：${industry.name}` : "新建产业专题库"}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={industry ?? { ipcPrefixes: [], keywords: [], exclusions: [] }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="seiCode"
          label="战略性新兴产业代码（可选，如 5.2）"
          rules={[{ pattern: /^\d(\.\d{1,2})?$/, message: "如 1 或 1.2" }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="ipcPrefixes" label="IPC 分类号（小类或主组，如 H01M、H01M10）">
          {tags("输入后回车")}
        </Form.Item>
        <Form.Item name="keywords" label="关键词（在标题、摘要、权利要求中按短语检索）">
          {tags("输入后回车")}
        </Form.Item>
        <Form.Item name="exclusions" label="排除项（关键词或 IPC）">
          {tags("输入后回车")}
        </Form.Item>
        <Form.Item name="notes" label="说明">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
