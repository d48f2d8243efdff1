import type { CaseFinding, DefectView } from '@courtassist/contracts';
import { Alert, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemText } from '../../shared/api/problem';
import { formatMoment } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { useCaseInspection } from './api';
import { correctionStatusName, DefectStatusTag, SeverityTag } from './labels';

function FindingItem({ finding }: { finding: CaseFinding }) {
  const lang = useLang();
  return (
    <List.Item data-testid="case-finding" data-rule={finding.ruleCode}>
      <List.Item.Meta
        title={
          <Flex gap={8} align="center">
            <SeverityTag severity={finding.severity} />
            {lang === 'en' ? finding.nameEn : finding.nameZh}
          </Flex>
        }
        description={lang === 'en' ? finding.descriptionEn : finding.descriptionZh}
      />
    </List.Item>
  );
}

function DefectItem({ defect }: { defect: DefectView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <List.Item data-testid="case-defect" data-rule={defect.ruleCode}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
        <Flex gap={8} align="center">
          <DefectStatusTag status={defect.status} />
          {lang === 'en' ? defect.ruleNameEn : defect.ruleNameZh}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('inspection.field.firstFound')} {formatMoment(defect.firstFoundAt)}
          {defect.correctionOrderId !== null && (
            <>
              {' · '}
              <Link to={`/work-orders/${defect.correctionOrderId}`}>
                {t('inspection.field.correction')}
                {defect.correctionStatus ? ` ${correctionStatusName(defect.correctionStatus, lang)}` : ''}
              </Link>
            </>
          )}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/**
 * 数据质检 on the case page: what the rules say of the case now (for whoever edits it), and the
 * defects recorded by the batch with their state; "未发现数据问题" when clean.
 */
export function CaseInspectionCard({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const query = useCaseInspection(caseId);
  const data = query.data;
  const clean = data && data.findings.length === 0 && data.defects.length === 0;

  return (
    <Card
      title={t('inspection.card.title')}
      style={{ marginBottom: 16 }}
      data-testid="case-inspection"
      extra={data && <Typography.Text type="secondary">{t('inspection.card.checkedOn', { date: data.checkedOn })}</Typography.Text>}
    >
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : clean ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.card.clean')} />
      ) : (
        data && (
          <Flex vertical gap={8}>
            {data.findings.length > 0 && (
              <List<CaseFinding>
                size="small"
                header={<Typography.Text strong>{t('inspection.card.findings')}</Typography.Text>}
                dataSource={data.findings}
                renderItem={(f) => <FindingItem finding={f} />}
              />
            )}
            {data.defects.length > 0 && (
              <List<DefectView>
                size="small"
                header={<Typography.Text strong>{t('inspection.card.defects')}</Typography.Text>}
                dataSource={data.defects}
                renderItem={(d) => <DefectItem defect={d} />}
              />
            )}
          </Flex>
        )
      )}
    </Card>
  );
}
