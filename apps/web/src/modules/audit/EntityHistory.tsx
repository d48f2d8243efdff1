import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useLang } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { AuditEntryTable } from './AuditEntryTable';
import { KeysetFooter } from './KeysetFooter';
import { useAuditLabels } from './labels';
import { useAuditEntries } from './useAuditEntries';

interface EntityHistoryProps {
  entityType: string;
  entityId: string | number;
  /** How the record is called in the drawer title, e.g. the court's name. */
  name?: string;
  /** Render as a regular button instead of a link (detail panels). */
  asButton?: boolean;
  /** Only the icon, with the text as tooltip and accessible name (crowded table rows). */
  iconOnly?: boolean;
}

/** A "历史记录" button opening the record's audit trail in a drawer; hidden without audit.read. */
export function EntityHistory({ entityType, entityId, name, asButton, iconOnly }: EntityHistoryProps) {
  const { t } = useTranslation();
  const can = useCan();
  const labels = useAuditLabels();
  const [open, setOpen] = useState(false);
  if (!can('audit.read')) return null;
  const subject = name ?? `${labels.entity(entityType)} #${entityId}`;
  return (
    <>
      <Tooltip title={iconOnly ? t('audit.history') : undefined}>
        <Button
          type={asButton ? 'default' : 'link'}
          size={asButton ? 'middle' : 'small'}
          icon={<HistoryOutlined />}
          onClick={() => setOpen(true)}
          aria-label={t('audit.historyOf', { name: subject })}
          data-testid="entity-history"
        >
          {iconOnly ? null : t('audit.history')}
        </Button>
      </Tooltip>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('audit.historyOf', { name: subject })} width={820} destroyOnHidden>
        {open && <EntityHistoryList entityType={entityType} entityId={String(entityId)} />}
      </Drawer>
    </>
  );
}

function EntityHistoryList({ entityType, entityId }: { entityType: string; entityId: string }) {
  const lang = useLang();
  const { query, entries, footer } = useAuditEntries({ entityType, entityId }, { limit: 20 });
  if (query.isError) return <Alert type="error" showIcon message={problemText(query.error, lang)} />;
  return (
    <AuditEntryTable
      compact
      hideEntity
      entries={entries}
      loading={query.isPending}
      footer={() => <KeysetFooter {...footer} />}
      testId="entity-history-table"
    />
  );
}
