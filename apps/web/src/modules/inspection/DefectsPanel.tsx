import type { DefectView } from '@courtassist/contracts';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { KeysetFooter } from '../../shared/components/KeysetFooter';
import { useLang } from '../../shared/lib/lang';
import { useDefects } from './api';
import { DefectFilters, type DefectFilterValue } from './DefectFilters';
import { DefectsTable } from './DefectsTable';
import { WaiveModal } from './WaiveModal';

interface DefectsPanelProps {
  value: DefectFilterValue;
  onChange: (patch: Partial<DefectFilterValue>) => void;
}

/** 问题清单: the defects of the filter, a keyset page at a time with the total. */
export function DefectsPanel({ value, onChange }: DefectsPanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [waiving, setWaiving] = useState<DefectView | null>(null);
  const query = useDefects({
    courtId: value.courtId ?? undefined,
    ruleCode: value.ruleCode ?? undefined,
    status: value.status ?? undefined,
    severity: value.severity ?? undefined,
  });
  const defects = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  return (
    <>
      <DefectFilters value={value} onChange={onChange} />
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
      <DefectsTable
        defects={defects}
        loading={query.isFetching && !query.isFetchingNextPage}
        onWaive={setWaiving}
        footer={() => (
          <KeysetFooter
            summary={t('inspection.list.summary', { total, loaded: defects.length })}
            hasMore={!!query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            testId="defects"
          />
        )}
      />
      <WaiveModal defect={waiving} onClose={() => setWaiving(null)} />
    </>
  );
}
