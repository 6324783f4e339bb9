import type { ContentInput, ContentItem } from "@zhichan/shared";
import { CONTENT_KINDS } from "@zhichan/shared";
import { Alert, Button, Card, DatePicker, Form, Input, List, Select, Space, Switch, Upload } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  attachContentFile,
  contentFileUrl,
  getManagedContent,
  removeContentFile,
  saveContent,
} from "../../api/content";
import { PageLoading } from "../../components/PageLoading";
import { apiErrorText } from "../../i18n/apiErrors";
import { useFormRules } from "../../i18n/formRules";
import { StateTag } from "./ContentManagePage";
import { BodyEditor } from "./editor/BodyEditor";
import { RichText } from "./RichText";

interface Values {
  kind: ContentInput["kind"];
  category?: string;
  title: string;
  bodyHtml: string;
  publishAt?: Dayjs | null;
  unpublishAt?: Dayjs | null;
  published: boolean;
}

/**
 * One item's editor. The preview shows what the server stored — its allow-list applied — never the typed HTML,
 * which would run in the official's own browser.
 */
export function ContentEditor({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<Values>();
  const [item, setItem] = useState<ContentItem | null>(null);
  const [loading, setLoading] = useState(id !== null);
  const [note, setNote] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const m = (k: string) => t(`publicInfo.manage.${k}`);

  useEffect(() => {
    if (id === null) return;
    getManagedContent(id).then(
      (c) => {
        setItem(c);
        form.setFieldsValue(toValues(c));
        setLoading(false);
      },
      (e) => {
        setNote({ type: "error", text: apiErrorText(e) });
        setLoading(false);
      },
    );
  }, [id, form]);

  const save = async (v: Values) => {
    setNote(null);
    try {
      const saved = await saveContent(item?.id ?? null, {
        kind: v.kind,
        category: v.category?.trim() || null,
        title: v.title,
        bodyHtml: v.bodyHtml,
        publishAt: v.publishAt ? v.publishAt.toISOString() : null,
        unpublishAt: v.unpublishAt ? v.unpublishAt.toISOString() : null,
        published: v.published,
      });
      setItem(saved);
      form.setFieldsValue(toValues(saved));
      setNote({ type: "success", text: m("saved") });
    } catch (e) {
      setNote({ type: "error", text: apiErrorText(e) });
    }
  };

  if (loading) return <PageLoading />;
  return (
    <Card
      size="small"
      title={item ? m("edit") : m("create")}
      extra={<Button onClick={onClose}>{t("publicInfo.back")}</Button>}
      data-testid="content-editor"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: "notice", published: false, bodyHtml: "" }}
        onFinish={save}
      >
        <Space wrap align="start">
          <Form.Item name="kind" label={m("kind")} rules={[rules.required(m("kind"), true)]}>
            <Select
              style={{ width: 180 }}
              options={CONTENT_KINDS.map((k) => ({ value: k, label: t(`publicInfo.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t("publicInfo.category")}
            rules={[rules.maxLength(t("publicInfo.category"), 40)]}
          >
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={m("titleField")}
          rules={[rules.required(m("titleField")), rules.maxLength(m("titleField"), 200)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="bodyHtml" label={m("body")} extra={m("bodyHelp")}>
          <BodyEditor label={m("body")} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="publishAt" label={m("publishAt")}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="unpublishAt" label={m("unpublishAt")}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="published" label={m("published")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {note && <Alert type={note.type} showIcon message={note.text} style={{ marginBottom: 12 }} />}
        <div>
          <Button type="primary" htmlType="submit" data-testid="content-save">
            {m("save")}
          </Button>
        </div>
      </Form>
      {item && (
        <>
          <div style={{ marginTop: 16 }}>
            <strong>
              {m("status")}
              {t("common.colon")}
            </strong>
            <StateTag item={item} />
          </div>
          <Card size="small" title={m("preview")} style={{ marginTop: 12 }}>
            <RichText html={item.bodyHtml} />
          </Card>
          <Card size="small" title={t("publicInfo.attachments")} style={{ marginTop: 12 }}>
            <List
              size="small"
              dataSource={item.attachments}
              locale={{ emptyText: " " }}
              renderItem={(f) => (
                <List.Item
                  key={f.id}
                  actions={[
                    <Button
                      key="rm"
                      size="small"
                      danger
                      onClick={async () => {
                        await removeContentFile(item.id, f.id).catch((e) =>
                          setNote({ type: "error", text: apiErrorText(e) }),
                        );
                        setItem(await getManagedContent(item.id));
                      }}
                    >
                      {m("remove")}
                    </Button>,
                  ]}
                >
                  <a href={contentFileUrl(item.id, f.id, true)}>{f.fileName}</a>
                </List.Item>
              )}
            />
            <Upload
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
              showUploadList={false}
              beforeUpload={async (file) => {
                setNote(null);
                try {
                  await attachContentFile(item.id, file);
                  setItem(await getManagedContent(item.id));
                } catch (e) {
                  setNote({ type: "error", text: apiErrorText(e) });
                }
                return false;
              }}
            >
              <Button>{m("upload")}</Button>
            </Upload>
            <div className="content-date" style={{ marginTop: 4 }}>
              {m("uploadHelp")}
            </div>
          </Card>
        </>
      )}
    </Card>
  );
}

function toValues(c: ContentItem): Values {
  return {
    kind: c.kind,
    category: c.category ?? undefined,
    title: c.title,
    bodyHtml: c.bodyHtml,
    publishAt: c.publishAt ? dayjs(c.publishAt) : null,
    unpublishAt: c.unpublishAt ? dayjs(c.unpublishAt) : null,
    published: c.published,
  };
}
