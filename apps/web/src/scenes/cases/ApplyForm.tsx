import type { CaseStagedUpload, CaseTypeInfo } from "@zhichan/shared";
import { Alert, App, Button, Form, Input, Steps } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { type FilingOrg, openCase } from "../../api/cases";
import { listStagedUploads } from "../../api/caseUploads";
import { useCodes } from "../../i18n/useCodes";
import { AttachmentStep } from "./AttachmentStep";
import { prefillValues } from "./applyPrefill";
import { applicationRules, missingKinds } from "./attachmentCheck";
import { FiledAsField, type FiledAsValue, initialFiledAs, toFiledAs } from "./FiledAsField";
import { cleanValues, FormFields } from "./FormFields";
import { formFields, validateForm } from "./formFields";
import { serverErrors } from "./serverErrors";
import { useApplyDraft } from "./useApplyDraft";

const AUTOSAVE_MS = 1200;

/**
 * The application of one case type, in two steps where the type asks for documents: the form (checked field by field
 * in the user's language, pre-filled from the applicant's organisation), then the documents (uploaded with progress;
 * the submit waits until the required ones are there). A draft is kept in the browser as the applicant types and
 * restored on return; after the submit the form is cleared, the draft dropped and the new case opened.
 */
export function ApplyForm({
  info,
  orgs,
  user,
}: {
  info: CaseTypeInfo;
  orgs: FilingOrg[];
  user: { id: number; displayName: string };
}) {
  const { t } = useTranslation();
  const { pick } = useCodes();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const type = info.key;
  const fields = useMemo(() => formFields(type), [type]);
  const rules = useMemo(() => applicationRules(info), [info]);
  const draft = useApplyDraft(user.id, type, fields);
  const [step, setStep] = useState(0);
  const [uploads, setUploads] = useState<CaseStagedUpload[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showRestored, setShowRestored] = useState(draft.restored !== null);
  const [autosavedAt, setAutosavedAt] = useState<number | null>(null);
  const [prefilled, setPrefilled] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** A change not yet in the draft: written when the timer fires, or at once when the form is left. */
  const unsaved = useRef(false);
  const label = (k: string) => t(`fields.${k}`, { defaultValue: k });
  const time = (at: number) => dayjs(at).format("YYYY-MM-DD HH:mm");

  // Fields may come in the address (the marketplace's enquiry link passes listingId).
  const fresh = () => ({
    title: pick(info.label),
    filedAs: initialFiledAs(orgs, info.personalApplicant),
    ...Object.fromEntries(
      fields
        .filter((f) => params.has(f.key))
        .map((f) => [f.key, f.kind === "number" ? Number(params.get(f.key)) : params.get(f.key)]),
    ),
  });

  const prefill = (filedAs: FiledAsValue | undefined) => {
    if (!filedAs) return;
    const org = orgs.find((o) => `org:${o.id}` === filedAs) ?? null;
    const patch = prefillValues(fields, { org, person: user.displayName }, form.getFieldsValue(true));
    if (!Object.keys(patch).length) return;
    form.setFieldsValue(patch);
    const sep = t("forms.attachments.sep");
    setPrefilled(
      t("forms.apply.prefilled", {
        org: org?.name ?? user.displayName,
        fields: Object.keys(patch).map(label).join(sep),
      }),
    );
  };

  // once, after the initial (or restored) values are set; leaving the form keeps its last change in the draft
  useEffect(() => {
    prefill(form.getFieldValue("filedAs"));
    return () => {
      clearTimeout(timer.current);
      if (unsaved.current) draft.save(form.getFieldsValue(true));
    };
  }, []);

  useEffect(() => {
    if (!rules.length) return;
    const ctl = new AbortController();
    listStagedUploads(type, ctl.signal).then(setUploads, () => undefined);
    return () => ctl.abort();
  }, [type, rules.length]);

  const autosave = () => {
    clearTimeout(timer.current);
    unsaved.current = true;
    timer.current = setTimeout(() => {
      unsaved.current = false;
      setAutosavedAt(draft.save(form.getFieldsValue(true)));
    }, AUTOSAVE_MS);
  };
  const stopAutosave = () => {
    clearTimeout(timer.current);
    unsaved.current = false;
  };
  const saveNow = () => {
    stopAutosave();
    const at = draft.save(form.getFieldsValue(true));
    if (at) message.success(t("forms.draft.saved", { time: time(at) }));
  };
  /** Back to a new application: no value of a draft or of the last submit stays behind. */
  const clearForm = () => {
    form.resetFields();
    form.setFieldsValue({ ...Object.fromEntries(fields.map((f) => [f.key, undefined])), ...fresh() });
  };
  const discardDraft = () => {
    stopAutosave();
    draft.discard();
    clearForm();
    setShowRestored(false);
    setAutosavedAt(null);
    prefill(form.getFieldValue("filedAs"));
    message.info(t("forms.draft.discarded"));
  };

  /** The details step, as the server's schema will check it; false (errors shown by the fields) when not yet right. */
  const detailsOk = async (): Promise<Record<string, unknown> | null> => {
    try {
      await form.validateFields();
    } catch {
      setStep(0);
      setError(t("forms.apply.fixErrors"));
      return null;
    }
    const { title: _title, filedAs: _filedAs, ...rest } = form.getFieldsValue(true);
    const checked = validateForm("form", type, cleanValues(fields, rest));
    if (!checked.ok) {
      form.setFields(Object.entries(checked.issues).map(([name, text]) => ({ name, errors: [text] })));
      setStep(0);
      setError(t("forms.apply.fixErrors"));
      return null;
    }
    setError(null);
    return checked.data;
  };

  const next = async () => {
    if (await detailsOk()) {
      setStep(1);
      window.scrollTo({ top: 0 });
    }
  };

  const submit = async () => {
    const data = await detailsOk();
    if (!data) return;
    if (missingKinds(rules, uploads).length) return setStep(1);
    const { title, filedAs } = form.getFieldsValue(true);
    setBusy(true);
    try {
      const c = await openCase({
        type,
        title: String(title ?? "").trim(),
        filedAs: toFiledAs(filedAs as FiledAsValue),
        form: data,
        uploads: uploads.map((u) => u.id),
      });
      stopAutosave();
      draft.discard();
      clearForm();
      setUploads([]);
      message.success(t("forms.apply.submitted", { ref: c.ref }));
      navigate(`/cases/${c.id}`);
    } catch (e) {
      const names = ["title", "filedAs", ...fields.map((f) => f.key)];
      const r = serverErrors(e, names, (k) => (k === "title" ? t("forms.apply.title") : label(k)), t);
      if (r.fields.length) {
        form.setFields(r.fields);
        setStep(0);
      }
      if (r.uploadsGone) {
        listStagedUploads(type).then(setUploads, () => undefined);
        setStep(1);
      }
      setError(r.message);
    } finally {
      setBusy(false);
    }
  };

  const missing = missingKinds(rules, uploads);
  const twoSteps = rules.length > 0;
  const noFiler = orgs.length === 0 && !info.personalApplicant;
  const savedLine = autosavedAt ?? draft.savedAt;
  return (
    <>
      {showRestored && draft.restoredAt && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          className="apply-notice"
          message={t("forms.draft.restored", { time: time(draft.restoredAt) })}
          description={
            <>
              <div>{t("forms.draft.where")}</div>
              <Button size="small" onClick={discardDraft} data-testid="discard-draft" style={{ marginTop: 8 }}>
                {t("forms.draft.discard")}
              </Button>
            </>
          }
        />
      )}
      {noFiler && <Alert type="warning" showIcon className="apply-notice" message={t("forms.apply.needOrg")} />}
      {error && <Alert type="error" showIcon className="apply-notice" message={error} data-testid="apply-error" />}
      {twoSteps && (
        <Steps
          className="apply-steps"
          size="small"
          current={step}
          items={[{ title: t("forms.apply.stepDetails") }, { title: t("forms.apply.stepAttachments") }]}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        style={step === 0 ? undefined : { display: "none" }}
        initialValues={{ ...fresh(), ...(draft.restored ?? {}) }}
        onValuesChange={(changed) => {
          if ("filedAs" in changed) prefill(changed.filedAs);
          autosave();
        }}
        onFinish={twoSteps ? next : submit}
        scrollToFirstError
      >
        {prefilled && <Alert type="success" showIcon style={{ marginBottom: 16 }} message={prefilled} />}
        <Form.Item
          name="title"
          label={t("forms.apply.title")}
          rules={[
            { required: true, whitespace: true, message: t("validation.required", { field: t("forms.apply.title") }) },
            { max: 120, message: t("validation.maxLength", { field: t("forms.apply.title"), max: 120 }) },
          ]}
        >
          <Input data-field="title" maxLength={120} />
        </Form.Item>
        <FiledAsField orgs={orgs} personal={info.personalApplicant} />
        <FormFields fields={fields} />
      </Form>
      {step === 1 && (
        <AttachmentStep
          type={type}
          rules={rules}
          uploads={uploads}
          onUploaded={(u) => setUploads((list) => [...list, u])}
          onRemoved={(id) => setUploads((list) => list.filter((u) => u.id !== id))}
        />
      )}
      <div className="apply-actions">
        {step === 1 && (
          <Button onClick={() => setStep(0)} data-testid="apply-back">
            {t("forms.apply.back")}
          </Button>
        )}
        {twoSteps && step === 0 ? (
          <Button type="primary" onClick={next} disabled={noFiler} data-testid="apply-next">
            {t("forms.apply.next")}
          </Button>
        ) : (
          <Button
            type="primary"
            onClick={submit}
            loading={busy}
            disabled={noFiler || missing.length > 0}
            data-testid="submit-case"
          >
            {t("forms.apply.submit")}
          </Button>
        )}
        <Button onClick={saveNow} data-testid="save-draft">
          {t("forms.draft.save")}
        </Button>
        {savedLine && (
          <span className="apply-draft-state" data-testid="draft-state">
            {t(autosavedAt ? "forms.draft.autosaved" : "forms.draft.saved", { time: time(savedLine) })}
          </span>
        )}
      </div>
    </>
  );
}
