import { SaveOutlined } from "@ant-design/icons";
import type {
  PatentImportField,
  PatentImportMapping,
  PatentImportPreview,
  PatentImportPreviewBody,
  PatentImportProfile,
} from "@zhichan/shared";
import { App, Button, Card, Input, Select, Space, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveImportProfile } from "../../api/imports";
import { useLocalError } from "../../components/useLocalError";
import { useFieldLabel } from "./importLabels";

const UNUSED = "__unused";

/**
 * Every source column as mapped (its field in words) or unused, each with a select to change it — the preview is
 * asked again with the new mapping; profiles save a mapping under a name and apply it to later files.
 */
export function MappingEditor({
  p,
  fields,
  profiles,
  busy,
  onRemap,
  onProfilesChanged,
}: {
  p: PatentImportPreview;
  fields: PatentImportField[];
  profiles: PatentImportProfile[];
  busy: boolean;
  onRemap: (body: PatentImportPreviewBody) => void;
  onProfilesChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useLocalError();
  const label = useFieldLabel(fields);
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const columns = p.detected.columns;
  const fixed = p.detected.headerRow === 0;
  const mapped = columns.filter((c) => c.field).length;
  const options = [
    { value: UNUSED, label: t("imports.mapping.unused") },
    ...fields.map((f) => ({
      value: f.field,
      label: f.required ? t("imports.mapping.requiredField", { field: label(f.field) }) : label(f.field),
    })),
  ];
  const profileId = p.profileId ?? undefined;
  const change = (header: string, value: string) => {
    const mapping: PatentImportMapping = { ...p.mapping, [header]: value === UNUSED ? null : value };
    onRemap({ mapping, profileId });
  };
  /** The whole current mapping, every column, so a profile fixes each one for later files. */
  const current = (): PatentImportMapping => Object.fromEntries(columns.map((c) => [c.header, c.field]));
  const save = async () => {
    if (!name.trim()) {
      message.error(t("imports.mapping.profileNameRequired"));
      return;
    }
    setSaving(true);
    try {
      const saved = await saveImportProfile({ name: name.trim(), mapping: current(), layout: p.detected.layout });
      message.success(t("imports.mapping.saved", { name: saved.name }));
      setName("");
      onProfilesChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t("imports.mapping.title")}
      extra={
        fixed ? null : (
          <span className="raw-value" data-testid="mapping-summary">
            {t("imports.mapping.summary", { mapped, unused: columns.length - mapped })}
          </span>
        )
      }
      data-testid="import-mapping"
    >
      {fixed ? (
        <p className="raw-value">{t("imports.mapping.fixed")}</p>
      ) : (
        <>
          <p className="raw-value">{t("imports.mapping.hint")}</p>
          <Spin spinning={busy} tip={t("imports.mapping.updating")}>
            <ul className="imp-columns">
              {columns.map((c, i) => (
                <li
                  key={`${i}-${c.header}`}
                  className={c.field ? "imp-col mapped" : "imp-col unused"}
                  data-column={c.header}
                >
                  <span className="imp-col-header">{c.header}</span>
                  <Select
                    size="small"
                    showSearch
                    optionFilterProp="label"
                    value={c.field ?? UNUSED}
                    options={options}
                    onChange={(v) => change(c.header, v)}
                    disabled={busy}
                    aria-label={`${t("imports.mapping.field")}: ${c.header}`}
                    className="imp-col-select"
                    popupMatchSelectWidth={false}
                  />
                </li>
              ))}
            </ul>
          </Spin>
          <div className="imp-profiles">
            <span className="imp-profiles-title">{t("imports.mapping.profiles")}</span>
            <Space wrap>
              <Select
                size="small"
                value={profileId}
                placeholder={profiles.length ? t("imports.mapping.applyProfile") : t("imports.mapping.noProfiles")}
                disabled={!profiles.length || busy}
                options={profiles.map((x) => ({ value: x.id, label: x.name }))}
                onChange={(id: number) => {
                  onRemap({ profileId: id });
                  const chosen = profiles.find((x) => x.id === id);
                  if (chosen) message.info(t("imports.mapping.applied", { name: chosen.name }));
                }}
                style={{ minWidth: 200 }}
                data-testid="apply-profile"
              />
              {(profileId !== undefined || Object.keys(p.mapping).length > 0) && (
                <Button size="small" onClick={() => onRemap({})} disabled={busy}>
                  {t("imports.mapping.reset")}
                </Button>
              )}
            </Space>
            <Space.Compact className="imp-save-profile">
              <Input
                size="small"
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={100}
                placeholder={t("imports.mapping.profileNamePlaceholder")}
                aria-label={t("imports.mapping.profileName")}
                data-field="profile-name"
              />
              <Button size="small" icon={<SaveOutlined />} onClick={save} loading={saving} data-action="save-profile">
                {t("imports.mapping.saveAs")}
              </Button>
            </Space.Compact>
          </div>
        </>
      )}
    </Card>
  );
}
