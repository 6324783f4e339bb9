/** The data-quality page's merge suggestions awaiting review (scenes/dataquality/SuggestionList.tsx). */
export const mergeSuggestions = {
  title: "待审核的合并建议",
  hint: "数据提示以下申请人可能是同一企业，但证据不足以自动合并。合并前请核对依据；不是同一企业的，标记后不会再被合并或建议。",
  total: "共 {{n}} 条建议",
  shownOf: "共 {{total}} 条建议，显示最强的 {{n}} 条",
  none: "暂无待审核的合并建议",
  patents: "{{n}} 件",
  into: "并入",
  accept: "合并",
  reject: "不是同一企业",
  acceptTitle: "合并申请人",
  acceptText: "“{{absorbed}}”将并入“{{survivor}}”，其专利、写法随之转移。此操作记入审计日志，之后可在申请人页拆分。",
  rejectTitle: "标记为不同企业",
  rejectText: "“{{absorbed}}”与“{{survivor}}”将保持分开：自动合并和合并建议都不再把二者放在一起。此操作记入审计日志。",
  accepted: "已合并",
  rejected: "已标记为不同企业",
  rules: {
    similar_name: "名称相近（繁简、重音、旧拼法、标点不同）",
    shared_priority: "不同文字名称共享优先权",
    shared_family: "不同文字名称同属一个简单同族",
  },
  evidence: {
    priorities: "共同优先权",
    families: "共同同族",
    count: "共享次数",
    suggestedBy: "合并建议依据",
  },
} as const;
