import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemText } from '../../shared/api/problem';
import { useLang } from '../../shared/lib/lang';
import { COUNTED_LEVELS, useMyCaseCounts } from './api';
import { WARNING_COLORS } from './components/warningColors';

/** 我的案件: how many open cases the user handles, and how many of them near or pass their trial limit. */
export function MyCasesCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const counts = useMyCaseCounts(true);
  const base = '/cases?mine=true&status=open';

  return (
    <Card
      title={t('cases.mine.title')}
      extra={<Link to="/cases?mine=true">{t('cases.mine.all')}</Link>}
      style={{ height: '100%' }}
      data-testid="my-cases"
    >
      {counts.error ? (
        <Alert type="error" showIcon message={problemText(counts.error, lang)} />
      ) : counts.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Flex gap={32} align="center" wrap>
          <Link to={base}>
            <Statistic
              title={t('cases.mine.open')}
              value={counts.total ?? 0}
              suffix={t('cases.mine.unit')}
              prefix={<FolderOpenOutlined />}
              valueStyle={{ color: '#1677ff' }}
            />
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
              {t('cases.mine.warnings')}
            </Typography.Text>
            <Flex gap={8} wrap>
              {COUNTED_LEVELS.map((level) => (
                <Link key={level} to={`${base}&warningLevel=${level}`} data-testid={`my-cases-${level}`}>
                  <Tag
                    color={(counts.byLevel[level] ?? 0) > 0 ? WARNING_COLORS[level] : undefined}
                    style={{ padding: '2px 10px', fontSize: 13 }}
                  >
                    {level === 'overdue' ? t('cases.warning.overdue') : t('cases.warning.within', { count: Number(level) })}{' '}
                    <strong>{counts.byLevel[level] ?? 0}</strong>
                  </Tag>
                </Link>
              ))}
            </Flex>
          </div>
        </Flex>
      )}
    </Card>
  );
}
