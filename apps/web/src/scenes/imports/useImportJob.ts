import type { PatentImportJobDetail } from "@zhichan/shared";
import { useEffect, useState } from "react";
import { getImportJob } from "../../api/imports";

const POLL_MS = 1000;

/** The job as the server reports it, polled every second while queued or running; stops when done or failed. */
export function useImportJob(initial: PatentImportJobDetail | null): {
  job: PatentImportJobDetail | null;
  error: unknown;
} {
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setJob(initial), [initial]);
  const id = job?.id;
  const active = job?.status === "queued" || job?.status === "running";
  useEffect(() => {
    if (id === undefined || !active) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      getImportJob(id, ctl.signal).then(
        (j) => {
          setError(null);
          setJob(j);
        },
        (e) => {
          if (ctl.signal.aborted) return;
          setError(e);
          // keep polling: a dropped connection should not end the progress view
          setJob((j) => (j ? { ...j } : j));
        },
      );
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [id, active, job]);
  return { job, error };
}
