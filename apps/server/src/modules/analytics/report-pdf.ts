import { renderPdf } from "../../pdf/pdf-renderer.js";

export { closePdfBrowser } from "../../pdf/pdf-renderer.js";

/**
 * A navigation report's print page as PDF, through the server's one queued Chromium renderer: fonts-noto-cjk gives
 * selectable Chinese text; page numbers come from the footer template.
 */
export function htmlToPdf(html: string | (() => string), title: string): Promise<Buffer> {
  return renderPdf(html, {
    format: "A4",
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="font-size:8px;width:100%;text-align:right;padding-right:15mm;color:#889;font-family:'Noto Sans CJK SC'">${title.replace(/[<>&]/g, "")}</div>`,
    footerTemplate:
      '<div style="font-size:9px;width:100%;text-align:center;color:#556;font-family:\'Noto Sans CJK SC\'">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>',
    margin: { top: "16mm", bottom: "18mm", left: "15mm", right: "15mm" },
  });
}
