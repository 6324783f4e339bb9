import { Button, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { PAGE_SIZES } from "./useSearchUrl";

interface Props {
  /** 1-based. */
  page: number;
  total: number;
  size: number;
  hasNext: boolean;
  /** False when the page was opened from a link: the cursor of the page before is not known. */
  canPrev: boolean;
  loading: boolean;
  onPrev: () => void;
  onNext: () => void;
  onFirst: () => void;
  onSize: (size: number) => void;
}

/** First / previous / next through every hit with server cursors; no cap on depth. */
export function CursorPager({ page, total, size, hasNext, canPrev, loading, onPrev, onNext, onFirst, onSize }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  const first = page === 1;
  return (
    <nav className="cursor-pager" aria-label={t("searchUi.pager")} data-testid="pager">
      <Space wrap>
        <Button onClick={onFirst} disabled={first || loading} data-testid="page-first">
          {t("search.first")}
        </Button>
        <Button
          onClick={onPrev}
          disabled={first || !canPrev || loading}
          title={!first && !canPrev ? t("searchUi.prevFromLink") : undefined}
          data-testid="page-prev"
        >
          {t("search.prev")}
        </Button>
        <span className="pager-page" aria-live="polite" data-testid="page-indicator" data-page={page}>
          {t("search.page", { page: page.toLocaleString(), pages: pages.toLocaleString() })}
        </span>
        <Button onClick={onNext} disabled={!hasNext || loading} data-testid="page-next">
          {t("search.next")}
        </Button>
        <Select
          aria-label={t("search.pageSize")}
          value={size}
          onChange={onSize}
          options={PAGE_SIZES.map((n) => ({ value: n, label: t("search.perPage", { n }) }))}
        />
      </Space>
    </nav>
  );
}
