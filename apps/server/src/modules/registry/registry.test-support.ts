import ExcelJS from "exceljs";
import type { RequestContext } from "../../http/auth-context.js";

/** A workbook with a header row and data rows, as an official would fill the template. */
export async function workbook(header: string[], rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("机构");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A service-level caller: an official, city-wide (district null) or scoped to one district. */
export function official(
  district: string | null,
  username = district ? `official-${district}` : "official-city",
): RequestContext {
  return {
    actor: {
      userId: 1,
      username,
      displayName: username,
      roles: [{ role: "official", district }],
      permissions: new Set(),
      district,
      stage: "ok",
      sessionHash: "x",
      csrfToken: "x",
      idleExpiresAt: 0,
      absoluteExpiresAt: 0,
    },
    ip: "127.0.0.1",
    district,
  };
}
