import { useEffect, useRef, useState } from "react";
import { type ApplicantChoice, findApplicants } from "../../api/dataQuality";

/**
 * Applicant entities whose names match what is typed (from 2 characters, 300 ms after the last key; a newer search
 * aborts the older one), leaving out `exclude` (the entity being merged away).
 */
export function useApplicantSearch(text: string, exclude?: number): { choices: ApplicantChoice[]; loading: boolean } {
  const [choices, setChoices] = useState<ApplicantChoice[]>([]);
  const [loading, setLoading] = useState(false);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => {
    if (text.trim().length < 2) {
      setChoices([]);
      return;
    }
    const timer = setTimeout(() => {
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setLoading(true);
      findApplicants(text, c.signal)
        .then((list) => !c.signal.aborted && setChoices(list.filter((x) => x.id !== exclude)))
        .catch(() => !c.signal.aborted && setChoices([]))
        .finally(() => !c.signal.aborted && setLoading(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [text, exclude]);
  return { choices, loading };
}
