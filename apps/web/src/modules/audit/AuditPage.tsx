import { Alert, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { AuditEntryTable } from './AuditEntryTable';
import { AuditFilterForm } from './AuditFilterForm';
import type { AuditFilters } from './api';
import { KeysetFooter } from './KeysetFooter';
import { useAuditEntries } from './useAuditEntries';

/** The audit trail (审计留痕): every change, who made it, and what it changed. */
export default function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [filters, setFilters] = useState<AuditFilters>({});
  const { query, entries, footer } = useAuditEntries(filters);

  return (
    <Page testId="page-audit" title={t('nav.audit')} description={t('audit.description')}>
      <Card style={{ marginBottom: 16 }}>
        <AuditFilterForm value={filters} onChange={setFilters} />
      </Card>
      <Card>
        {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
        <AuditEntryTable
          entries={entries}
          loading={query.isPending || (query.isFetching && !query.isFetchingNextPage)}
          footer={() => <KeysetFooter {...footer} />}
          onActorClick={(entry) => entry.actorId !== null && setFilters((f) => ({ ...f, actorId: entry.actorId ?? undefined }))}
          onEntityClick={(entry) => setFilters((f) => ({ ...f, entityType: entry.entityType, entityId: entry.entityId }))}
          testId="audit-table"
        />
      </Card>
    </Page>
  );
}
