import type { AssessmentView } from '@courtassist/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GradeTag, RunStateTag } from '../assessment/common';
import { useMyAssessments } from './api';
import { CardList, MonthCard } from './listing';

/** 我的考核 on the phone: one card per published month, newest first; a card opens the month. */
export default function MobileAssessmentsPage() {
  const list = useMyAssessments();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useTranslation();
  return (
    <CardList
      list={list}
      total={list.data?.pages[0]?.total}
      loaded={items.length}
      empty={t('networkPhone.assessment.empty')}
      testId="mobile-assessments"
    >
      {items.map((a) => (
        <AssessmentCard key={a.id} assessment={a} />
      ))}
    </CardList>
  );
}

function AssessmentCard({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const waiting = a.objections.filter((o) => o.answer === null).length;
  return (
    <MonthCard to={`/m/assessments/${a.id}`} testId={`mobile-assessment-${a.month}`} month={a.month} tag={<GradeTag grade={a.grade} />}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Text style={{ fontSize: 15 }}>
          {t('networkPhone.assessment.score')}{' '}
          <Typography.Text strong style={{ fontSize: 22 }} data-testid="assessment-score">
            {a.score.toFixed(2)}
          </Typography.Text>
        </Typography.Text>
        <Typography.Text type="secondary">{t('networkPhone.assessment.courtRank', a.courtRank)}</Typography.Text>
      </Flex>
      {a.stationRanks.map((s, i) => (
        <Typography.Text key={s.stationId} type="secondary" style={{ fontSize: 13 }}>
          {t('networkPhone.assessment.stationRank', { station: a.stationNames[i] ?? '', rank: s.rank, of: s.of })}
        </Typography.Text>
      ))}
      <Flex gap={6} wrap align="center">
        <RunStateTag state={a.state} />
        {a.state === 'published' && a.objectionUntil && (
          <Typography.Text type="warning" style={{ fontSize: 13 }}>
            {t('networkPhone.assessment.objectionUntil', { date: a.objectionUntil })}
          </Typography.Text>
        )}
        {a.objections.length > 0 && (
          <Tag color={waiting > 0 ? 'gold' : 'green'} style={{ marginInlineEnd: 0 }}>
            {waiting > 0 ? t('networkPhone.assessment.awaitingAnswer') : t('networkPhone.assessment.answered')}
          </Tag>
        )}
        {a.replacement && <Tag color="red">{t('networkPhone.assessment.replacement')}</Tag>}
      </Flex>
    </MonthCard>
  );
}
