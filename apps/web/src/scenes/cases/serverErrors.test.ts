import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { serverErrors } from "./serverErrors";

const t = (key: string, vars: Record<string, unknown> = {}) =>
  `${key}${Object.keys(vars).length ? JSON.stringify(vars) : ""}`;
const label = (name: string) => `<${name}>`;
const names = ["title", "filedAs", "uscc", "contactPhone"];

describe("a refused submit, field by field", () => {
  it("puts the form's issues under their fields, in the catalogue's words", () => {
    const e = new ApiError("BAD_REQUEST", "表单填写有误 · the form has errors", 400, {
      issues: [
        { path: "uscc", message: "18-character unified social credit code" },
        { path: "contactPhone", message: "Too small" },
      ],
    });
    const r = serverErrors(e, names, label, t);
    expect(r.fields).toEqual([
      { name: "uscc", errors: ["validation.domain.creditCode"] },
      { name: "contactPhone", errors: ['validation.invalid{"field":"<contactPhone>"}'] },
    ]);
    expect(r.message).toBe("forms.apply.serverErrors");
  });

  it("names the filer field and an upload that is gone, and keeps other errors for the top", () => {
    const filer = new ApiError("BAD_REQUEST", "须以机构名义申请 · filed for an organisation", 400, {
      field: "filedAs",
    });
    expect(serverErrors(filer, names, label, t).fields).toEqual([{ name: "filedAs", errors: ["须以机构名义申请"] }]);
    const gone = new ApiError("BAD_REQUEST", "上传的附件已失效 · gone", 400, { field: "uploads", id: 3 });
    expect(serverErrors(gone, names, label, t)).toMatchObject({
      fields: [],
      uploadsGone: true,
      message: "forms.attachments.gone",
    });
    const other = new ApiError("FORBIDDEN", "你不是该机构的成员 · you are not a member", 403);
    expect(serverErrors(other, names, label, t)).toMatchObject({ fields: [], uploadsGone: false });
  });
});
