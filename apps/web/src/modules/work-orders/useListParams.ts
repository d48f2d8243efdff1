import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Text parameters of a list kept in the URL (tab, filters), so that a list can be linked to and
 * comes back as it was after opening an order. Values outside `allowed` read as the default.
 */
export function useListParams<K extends string>(
  spec: Record<K, { allowed?: readonly string[]; fallback: string }>,
): [Record<K, string>, (patch: Partial<Record<K, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const result = {} as Record<K, string>;
    for (const name of Object.keys(spec) as K[]) {
      const raw = params.get(name);
      const { allowed, fallback } = spec[name];
      result[name] = raw !== null && (!allowed || allowed.includes(raw)) ? raw : fallback;
    }
    return result;
  }, [params, spec]);
  const update = useCallback(
    (patch: Partial<Record<K, string | null>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch) as [K, string | null | undefined][]) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, update];
}
