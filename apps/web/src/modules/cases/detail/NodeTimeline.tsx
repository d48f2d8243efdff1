import { CheckCircleFilled, ClockCircleOutlined, SyncOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@courtassist/contracts';
import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../../shared/lib/format';
import { useLang } from '../../../shared/lib/lang';
import { chinaToday, closureName, nodeName } from '../labels';

type NodeView = CaseDetail['nodes'][number];

/** The calendar date in China Standard Time of a moment. */
function chinaDateOf(moment: string): string {
  return new Date(Date.parse(moment) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A due date is late when it has passed before the node was done. */
function isLate(node: NodeView): boolean {
  if (!node.dueOn) return false;
  if (node.status === 'done') return !!node.completedAt && chinaDateOf(node.completedAt) > node.dueOn;
  return node.status === 'active' && node.dueOn < chinaToday().format('YYYY-MM-DD');
}

/** 节点: the case's nodes in order, each with its owner, due date and completion; the active one stands out. */
export function NodeTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

  return (
    <Card title={t('cases.node.title')} style={{ marginBottom: 16 }} data-testid="case-nodes">
      <Timeline
        items={detail.nodes.map((node) => {
          const active = node.status === 'active';
          const late = isLate(node);
          return {
            key: node.node,
            color: node.status === 'done' ? 'green' : active ? (late ? 'red' : 'blue') : 'gray',
            dot: node.status === 'done' ? <CheckCircleFilled /> : active ? <SyncOutlined spin={false} /> : <ClockCircleOutlined />,
            children: (
              <div
                data-testid={`node-${node.node}`}
                data-status={node.status}
                style={
                  active
                    ? { background: '#e6f4ff', border: '1px solid #91caff', borderRadius: 6, padding: '6px 10px', marginTop: -6 }
                    : undefined
                }
              >
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong={active} type={node.status === 'pending' ? 'secondary' : undefined}>
                    {nodeName(node.node, lang)}
                  </Typography.Text>
                  <Tag color={node.status === 'done' ? 'success' : active ? 'processing' : 'default'} bordered={false}>
                    {t(`cases.node.status.${node.status}`)}
                  </Tag>
                </Flex>
                {(node.responsibleName || node.dueOn) && (
                  <div style={{ fontSize: 13 }}>
                    {node.responsibleName && (
                      <span style={{ marginInlineEnd: 12 }}>
                        {label(t('cases.node.responsible'))} {node.responsibleName}
                      </span>
                    )}
                    {node.dueOn && (
                      <span>
                        {label(t('cases.node.dueOn'))}{' '}
                        <Typography.Text type={late ? 'danger' : undefined} strong={late} data-testid={late ? 'node-late' : undefined}>
                          {node.dueOn}
                        </Typography.Text>
                      </span>
                    )}
                  </div>
                )}
                {node.completedAt && (
                  <div style={{ fontSize: 13 }}>
                    {label(t('cases.node.completed'))} {formatMoment(node.completedAt)}
                    {node.completedByName ? ` · ${node.completedByName}` : ''}
                  </div>
                )}
                {node.note && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
                    {label(t('cases.node.note'))} {node.node === 'closure' ? closureName(node.note, lang) : node.note}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
