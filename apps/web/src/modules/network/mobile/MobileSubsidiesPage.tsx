import { RightOutlined } from '@ant-design/icons';
import type { StatementView } from '@courtassist/contracts';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { GradeTag, StatementStatusTag } from '../assessment/common';
import { useMyStatements } from './api';
import { CardList } from './listing';
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
    <Link to={`/m/subsidies/${s.id}`} style={{ color: 'inherit' }} data-testid={`mobile-statement-${s.month}`}>
      <Card size="small" styles={{ body: { padding: 14 } }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {s.month}
              </Typography.Text>
              <StatementStatusTag status={s.status} />
            </Flex>
            <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }} data-testid="statement-total">
              {formatFen(s.totalFen)}
            </Typography.Text>
            <Flex align="center" gap={8} wrap>
              <Typography.Text type="secondary">{t('networkPhone.subsidy.tasks', { count: s.lines.length })}</Typography.Text>
              <GradeTag grade={s.grade} />
            </Flex>
          </Flex>
          <RightOutlined style={{ color: '#999' }} />
        </Flex>
      </Card>
    </Link>
  );
}
