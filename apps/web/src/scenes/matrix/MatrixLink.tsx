import { TableOutlined } from "@ant-design/icons";
import type { CountUnit } from "@zhichan/shared";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

/** From a result list to the technology–effect matrix of the same hit set (query with its filters, same unit). */
export function MatrixLink({ q, group }: { q: string; group: CountUnit }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      icon={<TableOutlined />}
      data-testid="open-matrix"
      onClick={() => navigate(`/matrix?q=${encodeURIComponent(q)}${group === "invention" ? "&group=invention" : ""}`)}
    >
      {t("matrix.open")}
    </Button>
  );
}
