import { ApiError } from "../../api/client";
import { apiErrorText, issuesOf, localMessage } from "../../i18n/apiErrors";
import { issueField, issueText } from "../../i18n/validation";
import type { Translate } from "./formRules";

export interface ServerErrors {
  /** Errors to show under the form's own fields (antd form.setFields). */
  fields: { name: string; errors: string[] }[];
  /** The server no longer has an upload the application named (expired, removed elsewhere). */
  uploadsGone: boolean;
  /** One sentence for the top of the form. */
  message: string;
}

/**
 * A refused submit, turned into errors beside the fields they are about (the server's 400 names them: the form's
 * issues by path, or `details.field`), in the user's language; what no field of this form holds goes to the top.
 */
export function serverErrors(e: unknown, names: readonly string[], label: (name: string) => string, t: Translate) {
  const out: ServerErrors = { fields: [], uploadsGone: false, message: "" };
  const tt = t as Parameters<typeof issueText>[1];
  if (e instanceof ApiError && e.code === "BAD_REQUEST") {
    for (const issue of issuesOf(e.details)) {
      const name = issueField(issue);
      if (names.includes(name) && !out.fields.some((f) => f.name === name))
        out.fields.push({ name, errors: [issueText(issue, tt, label(name))] });
    }
    const field = (e.details as { field?: unknown } | undefined)?.field;
    if (field === "uploads") out.uploadsGone = true;
    else if (typeof field === "string" && names.includes(field))
      out.fields.push({ name: field, errors: [localMessage(e.message) ?? apiErrorText(e, tt)] });
  }
  out.message = out.fields.length
    ? t("forms.apply.serverErrors")
    : out.uploadsGone
      ? t("forms.attachments.gone")
      : apiErrorText(e, t as Parameters<typeof apiErrorText>[1]);
  return out;
}
