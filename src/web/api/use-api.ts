import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

/** Load data for a screen; `reload()` after a change. Stale answers of earlier calls are dropped. */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (e: unknown) =>
        mine === seq.current &&
        setState({
          error: e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)),
          loading: false,
        }),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}
