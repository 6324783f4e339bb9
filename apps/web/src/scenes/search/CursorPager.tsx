import { Button, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { PAGE_SIZES } from "./useSearchUrl";

interface Props {
  page: number;
  total: number;
  size: number;
  hasNext: boolean;
  loading: boolean;
  onPrev: () => void;
  onNext: () => void;
  onFirst: () => void;
  onSize: (size: number) => void;
}

/** Previous/Next through every hit with server cursors; no cap on depth. */
export function CursorPager({ page, total, size, hasNext, loading, onPrev, onNext, onFirst, onSize }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav className="cursor-pager" aria-label="pagination">
      <Space wrap>
        <Button onClick={onFirst} disabled={page === 0 || loading}>
          {t("search.first")}
        </Button>
        <Button onClick={onPrev} disabled={page === 0 || loading} data-testid="page-prev">
          {t("search.prev")}
        </Button>
        <span className="pager-page" aria-live="polite" data-testid="page-indicator">
          {t("search.page", { page: (page + 1).toLocaleString(), pages: pages.toLocaleString() })}
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
