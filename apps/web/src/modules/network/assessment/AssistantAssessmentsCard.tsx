import type { AssessmentView } from '@courtassist/contracts';
import { Card, Drawer, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssessmentDetail } from './AssessmentPage';
import { useAssessments } from './api';
import { GradeTag, RunStateTag } from './common';

/** The assistant's monthly assessments on their profile: newest first; each opens its explanation. */
export function AssistantAssessmentsCard({ assistantId }: { assistantId: number }) {
  const { t } = useTranslation();
  const list = useAssessments({ assistantId }, 1, 12);
  const [open, setOpen] = useState<AssessmentView | null>(null);
  return (
    <Card size="small" title={t('networkAssessment.profile.assessments')} data-testid="assistant-assessments">
      <List<AssessmentView>
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('networkAssessment.profile.noAssessment') }}
        renderItem={(a) => (
          <List.Item extra={<RunStateTag state={a.state} />} onClick={() => setOpen(a)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={
                <span>
                  {a.month} <GradeTag grade={a.grade} />{' '}
                  {a.replacement && <Tag color="red">{t('networkAssessment.assessment.replacementTag')}</Tag>}
                </span>
              }
              description={
                <Typography.Text type="secondary">
                  {t('networkAssessment.assessment.col.score')} {a.score.toFixed(2)} ·{' '}
                  {t('networkAssessment.assessment.rankOf', a.courtRank)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {open && (
        <Drawer open width={720} onClose={() => setOpen(null)} title={`${t('networkAssessment.assessment.detail')} · ${open.month}`}>
          <AssessmentDetail assessment={open} />
        </Drawer>
      )}
    </Card>
  );
}
