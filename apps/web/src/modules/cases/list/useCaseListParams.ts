import { CASE_SORTS, CASE_STATUSES, isCaseTypeCode, WARNING_LEVELS } from '@courtassist/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CaseFilters } from '../api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** Parses the list's query string; anything malformed is ignored rather than sent. */
export function parseCaseParams(params: URLSearchParams): CaseFilters {
  const text = (name: string) =>
    params
      .get(name)
      ?.trim()
      .slice(0, name === 'caseNumber' ? 40 : 50) || undefined;
  const date = (name: string) => {
    const raw = params.get(name);
    return raw && ISO_DATE.test(raw) ? raw : undefined;
  };
  const id = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 && value <= 2_147_483_647 ? value : undefined;
  };
  const caseTypeCode = params.get('caseTypeCode');
  return {
    caseNumber: text('caseNumber'),
    party: text('party'),
    caseTypeCode: isCaseTypeCode(caseTypeCode) ? caseTypeCode : undefined,
    status: oneOf(CASE_STATUSES, params.get('status')),
    warningLevel: oneOf(WARNING_LEVELS, params.get('warningLevel')),
    filedFrom: date('filedFrom'),
    filedTo: date('filedTo'),
    mine: params.get('mine') === 'true' ? 'true' : undefined,
    courtId: id('courtId'),
    // Set by links from the warning board; the filter form has no field for them.
    departmentId: id('departmentId'),
    judgeId: id('judgeId'),
    sort: oneOf(CASE_SORTS, params.get('sort')),
    order: oneOf(['asc', 'desc'] as const, params.get('order')),
  };
}

/** The case list's filters and sort, kept in the URL so that a filtered list can be linked to (e.g. ?mine=true). */
export function useCaseListParams(): [CaseFilters, (patch: CaseFilters, replaceAll?: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseCaseParams(params), [params]);
  const update = useCallback(
    (patch: CaseFilters, replaceAll = false) =>
      setParams(
        (current) => {
          const next = replaceAll ? new URLSearchParams() : new URLSearchParams(current);
          if (replaceAll) {
            for (const keep of ['sort', 'order']) {
              const value = current.get(keep);
              if (value) next.set(keep, value);
            }
          }
          for (const [name, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, update];
}
