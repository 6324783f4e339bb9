/**
 * What the query parser expected, in words (the server sends its English token in QUERY_SYNTAX details.expected;
 * components/querySyntax.ts maps each to a key here).
 */
export const querySyntax = {
  operatorOrTerm: "运算符（AND、OR、NOT）或检索词",
  flatter: "层级更少的检索式（括号嵌套过深）",
  wordOrPhrase: "词或带引号的短语",
  wordOrPhraseSameField: "同一字段中的词或短语",
  andOr: "AND 或 OR",
  term: "检索词",
  termOrClose: "检索词或右括号“)”",
  close: "右括号“)”",
  equals: "等号“=”（大于、小于只用于 AD 与 PD）",
  value: "检索值",
  date: "日期，如 2020、2020-05、2020-05-01 或 2020..2022",
  types: "专利类型：{{list}}",
  statuses: "法律状态：{{list}}",
  seiCode: "战略性新兴产业代码，如 1 或 1.2",
  ipc: "IPC 分类号，如 H01M 或 H01M10/0525",
  publicationNumber: "公开号",
  applicationNumber: "申请号",
  regionCode: "行政区划代码，如 41、4101 或 410105",
  region: "地区名称或行政区划代码",
  oneWord: "截词符 * 前面的一个词",
  searchable: "字母、数字或汉字",
  quote: "配对的引号",
  fields: "字段名：{{list}}",
  other: "符合检索语法的内容",
  found: "“{{text}}”",
} as const;
