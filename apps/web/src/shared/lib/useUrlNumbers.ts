import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

type Values<K extends string> = Record<K, number | undefined>;
type Patch<K extends string> = Partial<Record<K, number | null | undefined>>;

/**
 * Positive integers kept in the URL's query string (e.g. `?courtId=12`), so that filtered lists
 * can be linked to. One setter changes several at once.
 */
export function useUrlNumbers<K extends string>(...names: K[]): [Values<K>, (patch: Patch<K>) => void] {
  const [params, setParams] = useSearchParams();
  const key = names.join(',');
  const values = useMemo(() => {
    const result = {} as Values<K>;
    for (const name of key.split(',') as K[]) {
      const raw = Number(params.get(name));
      result[name] = Number.isInteger(raw) && raw > 0 ? raw : undefined;
    }
    return result;
  }, [params, key]);
  const update = useCallback(
    (patch: Patch<K>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch) as [K, number | null | undefined][]) {
            if (value) next.set(name, String(value));
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
