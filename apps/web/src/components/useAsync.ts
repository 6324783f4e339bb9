import { type DependencyList, useCallback, useEffect, useState } from "react";
import { isAbort } from "../api/client";

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs an abortable request whenever deps change; the previous data stays visible while the next loads.
 * Pass `null` as the loader to skip (e.g. no query yet).
 */
export function useAsync<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);

  // The caller's deps decide when to reload (load is a fresh closure every render).
  useEffect(() => {
    if (!load) {
      setData(undefined);
      setError(null);
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    load(ctl.signal).then(
      (d) => {
        if (ctl.signal.aborted) return;
        setData(d);
        setLoading(false);
      },
      (e) => {
        if (ctl.signal.aborted || isAbort(e)) return;
        setError(e);
        setData(undefined);
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
