import type { StatementView } from '@courtassist/contracts';
import { Card, Drawer, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatements, yuan } from '../assessment/api';
import { StatementStatusTag } from '../assessment/common';
import { StatementDetail } from './SubsidiesPage';

/** The assistant's subsidy statements on their profile: newest month first; each opens its lines. */
export function AssistantSubsidiesCard({ assistantId, courtId }: { assistantId: number; courtId: number }) {
  const { t } = useTranslation();
  const list = useStatements({ courtId, assistantId }, 1, 12);
  const [open, setOpen] = useState<StatementView | null>(null);
  return (
    <Card size="small" title={t('networkAssessment.profile.subsidies')} data-testid="assistant-subsidies">
      <List<StatementView>
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('networkAssessment.profile.noStatement') }}
        renderItem={(s) => (
          <List.Item extra={<StatementStatusTag status={s.status} />} onClick={() => setOpen(s)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={`${s.month} · ${yuan(s.totalFen)} 元`}
              description={
                <Typography.Text type="secondary">
                  {t('networkAssessment.subsidies.col.tasks')} {s.lines.length}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {open && (
        <Drawer open width={680} onClose={() => setOpen(null)} title={`${t('networkAssessment.subsidies.detail')} · ${open.month}`}>
          <StatementDetail statement={open} />
        </Drawer>
      )}
    </Card>
  );
}
