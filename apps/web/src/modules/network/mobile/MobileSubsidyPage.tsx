import { RightOutlined } from '@ant-design/icons';
import { ASSESSMENT_GRADE_NAMES, NETWORK_TASK_KIND_NAMES, NETWORK_TASK_OUTCOME_NAMES, type StatementView } from '@courtassist/contracts';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatMoment } from '../../../shared/lib/format';
import { useBilingual } from '../../../shared/lib/lang';
import { StatementStatusTag } from '../assessment/common';
import { useMyStatement } from './api';
import { RecordPage, Row } from './listing';
import { formatFen, formatPermille } from './money';

/**
 * One monthly statement on the phone: a line per paid task (kind, outcome, amount; each opens
 * the task), then how the total comes about — subtotal, the grade's coefficient, the monthly cap.
 */
export default function MobileSubsidyPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useMyStatement(id);
  return (
    <RecordPage id={id} query={query} backTo="/m/subsidies" testId="mobile-statement">
      {(s) => (
        <>
          <Card size="small" styles={{ body: { padding: 14 } }}>
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
                  {s.month}
                </Typography.Title>
                <StatementStatusTag status={s.status} />
              </Flex>
              <Typography.Text type="secondary">{t('networkPhone.subsidy.total')}</Typography.Text>
              <Typography.Text
                strong
                style={{ fontSize: 32, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums' }}
                data-testid="statement-total"
              >
                {formatFen(s.totalFen)}
              </Typography.Text>
              {s.stationName && (
                <Typography.Text type="secondary">{`${t('networkPhone.subsidy.station')}：${s.stationName}`}</Typography.Text>
              )}
              {s.status === 'approved' && s.approvedByName && (
                <Typography.Text type="success">
                  {t('networkPhone.subsidy.approvedBy', { name: s.approvedByName, at: formatMoment(s.approvedAt) })}
                </Typography.Text>
              )}
            </Flex>
          </Card>
          {s.status === 'returned' && s.returnReason && (
            <Alert type="warning" showIcon message={t('networkPhone.subsidy.returnReason', { reason: s.returnReason })} />
          )}
          <Lines statement={s} />
          <Arithmetic statement={s} />
        </>
      )}
    </RecordPage>
  );
}

function Lines({ statement: s }: { statement: StatementView }) {
  const { t } = useTranslation();
  const text = useBilingual();
  return (
    <Card
      size="small"
      title={`${t('networkPhone.subsidy.lines')} · ${t('networkPhone.subsidy.tasks', { count: s.lines.length })}`}
      styles={{ body: { padding: 0 } }}
      data-testid="statement-lines"
    >
      {s.lines.length === 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', padding: 12 }}>
          {t('networkPhone.subsidy.noLines')}
        </Typography.Text>
      )}
      {s.lines.map((line) => (
        <Link
          key={line.taskId}
          to={`/m/tasks/${line.taskId}`}
          style={{ color: 'inherit', display: 'block', padding: '10px 12px', borderTop: '1px solid #f0f0f0' }}
          data-testid="statement-line"
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text style={{ fontSize: 15 }}>{text(NETWORK_TASK_KIND_NAMES[line.kind])}</Typography.Text>
              <Flex gap={6} align="center" wrap>
                <Tag color={line.outcome === 'success' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {text(NETWORK_TASK_OUTCOME_NAMES[line.kind][line.outcome])}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('networkPhone.subsidy.confirmedOn', { date: line.confirmedOn })}
                </Typography.Text>
              </Flex>
            </Flex>
            <Flex align="center" gap={8}>
              <Typography.Text strong style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}>
                {formatFen(line.amountFen)}
              </Typography.Text>
              <RightOutlined style={{ color: '#bbb', fontSize: 12 }} />
            </Flex>
          </Flex>
        </Link>
      ))}
    </Card>
  );
}

function Arithmetic({ statement: s }: { statement: StatementView }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const capped = s.capReductionFen > 0;
  return (
    <Card size="small" styles={{ body: { padding: 12 } }} data-testid="statement-arithmetic">
      <Flex vertical gap={4}>
        <Row label={t('networkPhone.subsidy.subtotal')}>{formatFen(s.subtotalFen)}</Row>
        <Row label={t('networkPhone.subsidy.coefficient', { grade: text(ASSESSMENT_GRADE_NAMES[s.grade]) })}>
          {formatPermille(s.coefficientPermille)}
        </Row>
        <Row label={t('networkPhone.subsidy.adjusted')}>{formatFen(s.adjustedFen)}</Row>
        <Row label={t('networkPhone.subsidy.cap')}>{formatFen(s.capFen)}</Row>
        {capped && (
          <Row
            label={
              <>
                {t('networkPhone.subsidy.capReduction')} <Tag color="orange">{t('networkPhone.subsidy.capApplied')}</Tag>
              </>
            }
          >
            {formatFen(-s.capReductionFen)}
          </Row>
        )}
        <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 4, paddingTop: 6 }}>
          <Row label={t('networkPhone.subsidy.payable')} strong>
            <span data-testid="statement-payable">{formatFen(s.totalFen)}</span>
          </Row>
        </div>
      </Flex>
    </Card>
  );
}
