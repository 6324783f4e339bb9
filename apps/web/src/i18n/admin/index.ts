/** The administration pages' catalogues: zh.ts/en.ts take them as the top-level sections `admin` and `auditActions`. */
export { adminEn } from "./admin.en";
export { adminZh } from "./admin.zh";
export { auditActionsEn } from "./auditActions.en";
export { auditActionsZh } from "./auditActions.zh";
