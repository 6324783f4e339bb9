/**
 * One validation issue as a 400 carries it: where (path), what kind (zod's issue code) and its bounds or format, so a
 * client words it in its user's language with its own field labels (the web's i18n/validation.ts) rather than
 * showing zod's English `message`, which stays for API users and logs.
 */
export interface IssueDetail {
  path: string;
  message: string;
  code?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  expected?: string;
}

type Params = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? Number(v) : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const bool = (v: unknown) => (typeof v === "boolean" ? v : undefined);

/** Path, message, code and the few parameters a sentence needs (values of an enum and inputs are left out). */
export function issueDetail(path: string, message: string, code: string | undefined, p: Params = {}): IssueDetail {
  const out: IssueDetail = { path, message };
  const fields: [keyof IssueDetail, unknown][] = [
    ["code", code],
    ["origin", str(p.origin)],
    ["minimum", num(p.minimum)],
    ["maximum", num(p.maximum)],
    ["inclusive", bool(p.inclusive)],
    ["exact", bool(p.exact)],
    ["format", str(p.format)],
    ["expected", str(p.expected)],
  ];
  for (const [k, v] of fields) if (v !== undefined) (out as unknown as Params)[k] = v;
  return out;
}
