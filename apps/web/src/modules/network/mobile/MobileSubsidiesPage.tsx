import type { StatementView } from '@courtassist/contracts';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GradeTag, StatementStatusTag } from '../assessment/common';
import { useMyStatements } from './api';
import { CardList, MonthCard } from './listing';
import { formatFen } from './money';

/** 我的补贴 on the phone: one card per monthly statement (以案定补), newest first; a card opens its lines. */
export default function MobileSubsidiesPage() {
  const list = useMyStatements();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useTranslation();
  return (
    <CardList
      list={list}
      total={list.data?.pages[0]?.total}
      loaded={items.length}
      empty={t('networkPhone.subsidy.empty')}
      testId="mobile-subsidies"
    >
      {items.map((s) => (
        <StatementCard key={s.id} statement={s} />
      ))}
    </CardList>
  );
}

function StatementCard({ statement: s }: { statement: StatementView }) {
  const { t } = useTranslation();
  return (
    <MonthCard
      to={`/m/subsidies/${s.id}`}
      testId={`mobile-statement-${s.month}`}
      month={s.month}
      tag={<StatementStatusTag status={s.status} />}
    >
      <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }} data-testid="statement-total">
        {formatFen(s.totalFen)}
      </Typography.Text>
      <Flex align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('networkPhone.subsidy.tasks', { count: s.lines.length })}</Typography.Text>
        <GradeTag grade={s.grade} />
      </Flex>
    </MonthCard>
  );
}
