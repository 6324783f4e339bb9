import type { FixturePatent } from "../../testing/fixture-db.js";

/**
 * Small test documents whose abstracts carry effect phrases (written for the tests, not real records): two IPC main
 * groups, three effects, one application published twice (A and B) so inventions and publications differ.
 */
export const EFFECT_PATENTS: FixturePatent[] = [
  ["CN900001A", "CN202310000001.1", "电池隔膜", "提高生产效率，降低制造成本。", ["H01M50/40"]],
  ["CN900001B", "CN202310000001.1", "电池隔膜", "提高生产效率，降低制造成本。", ["H01M50/40"]],
  ["CN900002A", "CN202310000002.1", "电池包箱体", "减轻重量，降低制造成本。", ["H01M50/20"]],
  ["CN900003A", "CN202310000003.1", "电池管理系统", "提高检测精度，延长电池寿命。", ["H01M10/42"]],
  ["CN900004A", "CN202310000004.1", "电池热管理装置", "降低能耗，延长电池寿命。", ["H01M10/60"]],
  ["CN900005A", "CN202310000005.1", "电池回收方法", "降低处理成本。", ["H01M10/54"]],
  ["CN900006A", "CN202310000006.1", "Battery cooling plate", "It reduces the manufacturing cost.", ["H01M10/613"]],
].map(([pub_no, app_no, title, abstract, ipc]) => ({
  pub_no: pub_no as string,
  app_no: app_no as string,
  title: title as string,
  abstract: abstract as string,
  ipc: ipc as string[],
  applicants: ["测试电池有限公司"],
  app_date: "2023-01-05",
  type: (pub_no as string).endsWith("B") ? "invention_grant" : "invention_application",
}));
