import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { LimitChangeView } from '@courtassist/contracts';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../../shared/lib/format';
import { useLimitLabels } from './labels';

/** The decisions taken on a change, step by step: who, approve or reject, when, and the comment. */
export function DecisionTimeline({ decisions }: { decisions: LimitChangeView['decisions'] }) {
  const { t } = useTranslation();
  const labels = useLimitLabels();
  if (decisions.length === 0) return null;
  return (
    <Timeline
      data-testid="limit-change-decisions"
      style={{ marginTop: 12, marginBottom: -16 }}
      items={decisions.map((d) => {
        const approved = d.decision === 'approve';
        return {
          key: `${d.step}-${d.decidedAt}`,
          color: approved ? 'green' : 'red',
          dot: approved ? <CheckCircleOutlined /> : <CloseCircleOutlined />,
          children: (
            <div data-testid="limit-decision">
              <Typography.Text strong>{labels.step(d.step)}</Typography.Text>
              <Typography.Text> · {d.decidedByName} · </Typography.Text>
              <Typography.Text type={approved ? 'success' : 'danger'}>{t(`limits.decided.${d.decision}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {formatMoment(d.decidedAt)}
              </Typography.Text>
              {d.comment && <Typography.Paragraph style={{ margin: 0 }}>{d.comment}</Typography.Paragraph>}
            </div>
          ),
        };
      })}
    />
  );
}
