import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/** Page state for a server-paginated table, with the "共 N 条" total. */
export function usePagination(initialPageSize = 20) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const resetPage = useCallback(() => setPage(1), []);
  const tablePagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (count) => t('common.total', { count }),
    onChange: (nextPage, nextSize) => {
      setPage(nextSize !== pageSize ? 1 : nextPage);
      setPageSize(nextSize);
    },
  });
  return { page, pageSize, resetPage, tablePagination };
}
