import type { Guide } from "@zhichan/shared";
import { Alert, Button, Form, Input, List, Select, Space, Upload } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getCaseTypes } from "../../api/cases";
import { addGuideTemplate, getGuide, guideTemplateUrl, removeGuideTemplate, saveGuide } from "../../api/content";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";

interface Values {
  materials: string;
  eligibility: string;
  legalBasis: string;
  timeLimit: string;
  fees: string;
  faqs: { q: string; a: string }[];
}

const lines = (s: string | undefined) =>
  (s ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** 办事指南 editor: one case type at a time; lists are typed one item per line, questions as pairs. */
export function GuideEditor() {
  const { t } = useTranslation();
  const { pick } = useCodes();
  const types = useAsync(() => getCaseTypes(), []);
  const [caseType, setCaseType] = useState<string | null>(null);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [note, setNote] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const [form] = Form.useForm<Values>();
  const g = (k: string) => t(`publicInfo.guide.${k}`);
  const m = (k: string) => t(`publicInfo.manage.${k}`);
  const current = caseType ?? types.data?.[0]?.key ?? null;

  useEffect(() => {
    if (!current) return;
    setNote(null);
    setGuide(null);
    // A response for a case type the official has already left is dropped, not laid over the new one's form.
    let live = true;
    getGuide(current).then(
      (x) => {
        if (!live) return;
        setGuide(x);
        form.setFieldsValue({
          materials: x.materials.join("\n"),
          eligibility: x.eligibility,
          legalBasis: x.legalBasis.join("\n"),
          timeLimit: x.timeLimit,
          fees: x.fees,
          faqs: x.faqs,
        });
      },
      (e) => live && setNote({ type: "error", text: apiErrorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [current, form]);

  if (!types.data || !current) return <PageLoading />;
  // The form appears only once this case type's guide has loaded: before, an official could type into it and have the
  // late response overwrite what was typed (and then save the stored text, saying "saved").
  const loaded = guide?.caseType === current;
  const save = async (v: Values) => {
    setNote(null);
    try {
      setGuide(
        await saveGuide(current, {
          materials: lines(v.materials),
          eligibility: v.eligibility ?? "",
          legalBasis: lines(v.legalBasis),
          timeLimit: v.timeLimit ?? "",
          fees: v.fees ?? "",
          faqs: (v.faqs ?? []).filter((f) => f?.q?.trim() && f?.a?.trim()),
        }),
      );
      setNote({ type: "success", text: m("saved") });
    } catch (e) {
      setNote({ type: "error", text: apiErrorText(e) });
    }
  };
  return (
    <div data-testid="guide-editor">
      <Form.Item label={m("caseType")}>
        <Select
          value={current}
          onChange={setCaseType}
          style={{ width: 320, maxWidth: "100%" }}
          options={types.data.map((x) => ({ value: x.key, label: pick(x.label) }))}
        />
      </Form.Item>
      {!loaded && !note && <PageLoading />}
      {!loaded && note && <Alert type={note.type} showIcon message={note.text} />}
      <Form<Values> form={form} layout="vertical" onFinish={save} hidden={!loaded}>
        <Form.Item name="materials" label={g("materials")} extra={m("lines")}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="eligibility" label={g("eligibility")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={g("legalBasis")} extra={m("lines")}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="timeLimit" label={g("timeLimit")}>
            <Input style={{ width: 280, maxWidth: "100%" }} maxLength={500} />
          </Form.Item>
          <Form.Item name="fees" label={g("fees")}>
            <Input style={{ width: 280, maxWidth: "100%" }} maxLength={500} />
          </Form.Item>
        </Space>
        <Form.List name="faqs">
          {(fields, { add, remove }) => (
            <Form.Item label={g("faqs")}>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: "flex", marginBottom: 8 }}>
                  <Form.Item name={[f.name, "q"]} noStyle>
                    <Input
                      aria-label={m("question")}
                      placeholder={m("question")}
                      style={{ width: 260, maxWidth: "100%" }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, "a"]} noStyle>
                    <Input.TextArea
                      aria-label={m("answer")}
                      placeholder={m("answer")}
                      rows={1}
                      style={{ width: 320, maxWidth: "100%" }}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{m("remove")}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ q: "", a: "" })}>{m("addFaq")}</Button>
            </Form.Item>
          )}
        </Form.List>
        {note && <Alert type={note.type} showIcon message={note.text} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" data-testid="guide-save">
          {m("save")}
        </Button>
      </Form>
      {loaded && guide && (
        <div style={{ marginTop: 16 }}>
          <strong>{m("templates")}</strong>
          <List
            size="small"
            dataSource={guide.templates}
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
                      await removeGuideTemplate(current, f.id).catch((e) =>
                        setNote({ type: "error", text: apiErrorText(e) }),
                      );
                      setGuide(await getGuide(current));
                    }}
                  >
                    {m("remove")}
                  </Button>,
                ]}
              >
                <a href={guideTemplateUrl(current, f.id)}>{f.fileName}</a>
              </List.Item>
            )}
          />
          <Upload
            accept=".pdf,.docx,.xlsx"
            showUploadList={false}
            beforeUpload={async (file) => {
              try {
                await addGuideTemplate(current, file);
                setGuide(await getGuide(current));
              } catch (e) {
                setNote({ type: "error", text: apiErrorText(e) });
              }
              return false;
            }}
          >
            <Button>{m("addTemplate")}</Button>
          </Upload>
        </div>
      )}
    </div>
  );
}
