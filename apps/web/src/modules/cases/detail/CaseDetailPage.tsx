import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/client';
import { problemText } from '../../../shared/api/problem';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { CaseSupervisionCard, LimitChangesCard } from '../../deadlines';
import { CaseDeliveryCard } from '../../delivery';
import { CaseHearingsCard } from '../../hearings';
import { CaseInspectionCard } from '../../inspection';
import { CaseWorkOrdersCard } from '../../work-orders';
import { useCase } from '../api';
import { CaseStatusTag } from '../components/CaseStatusTag';
import { WarningTag } from '../components/WarningTag';
import { nodeName } from '../labels';
import { AssignmentsCard } from './AssignmentsCard';
import { CaseActions } from './CaseActions';
import { CaseInfoCard } from './CaseInfoCard';
import { NodeTimeline } from './NodeTimeline';
import { PartiesCard } from './PartiesCard';
import { TrialLimitCard } from './TrialLimitCard';

/** A case: its facts, parties, trial limit, nodes and assignments, and the actions its state allows. */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const id = Number(useParams().id);
  const query = useCase(id);
  const detail = query.data;

  if (!Number.isInteger(id) || id <= 0 || isApiError(query.error, 'NOT_FOUND')) {
    return (
      <Result
        status="404"
        title={t('cases.detail.notFound')}
        subTitle={t('cases.detail.notFoundText')}
        extra={
          <Link to="/cases">
            <Button type="primary">{t('cases.detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!detail) {
    return query.isError ? (
      <Alert type="error" showIcon message={problemText(query.error, lang)} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );
  }
  const running = detail.status === 'open' || detail.status === 'pending-assignment';

  return (
    <Page
      testId="page-case-detail"
      title={<span data-testid="case-number">{detail.caseNumber}</span>}
      description={
        <Flex vertical gap={6}>
          <Typography.Text data-testid="case-title" style={{ fontSize: 15 }}>
            {detail.title}
          </Typography.Text>
          <Flex gap={6} wrap align="center">
            <CaseStatusTag status={detail.status} testId="case-status" />
            {running && (
              <Tag color="blue" bordered={false} data-testid="case-current-node">
                {t('cases.node.current', { node: nodeName(detail.currentNode, lang) })}
              </Tag>
            )}
            {running && <WarningTag level={detail.warningLevel} testId="case-warning" />}
            {detail.suspended && <Tag color="purple">{t('cases.limit.suspended')}</Tag>}
          </Flex>
        </Flex>
      }
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('common.refresh')}
          </Button>
          <CaseActions detail={detail} />
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={15} xxl={16}>
          <CaseInfoCard detail={detail} />
          <PartiesCard detail={detail} revealIds={can('case.handle')} />
          <CaseHearingsCard detail={detail} />
          <CaseWorkOrdersCard detail={detail} />
          <CaseDeliveryCard detail={detail} />
          <AssignmentsCard detail={detail} />
        </Col>
        <Col xs={24} xl={9} xxl={8}>
          <TrialLimitCard detail={detail} />
          <LimitChangesCard detail={detail} />
          <CaseSupervisionCard detail={detail} />
          <NodeTimeline detail={detail} />
          <CaseInspectionCard caseId={detail.id} />
        </Col>
      </Row>
    </Page>
  );
}
