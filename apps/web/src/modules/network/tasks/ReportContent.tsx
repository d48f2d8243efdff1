import {
  DELIVERY_OUTCOME_NAMES,
  FINDING_KIND_NAMES,
  MEDIATION_RESULT_NAMES,
  NETWORK_TASK_OUTCOME_NAMES,
  type NetworkTaskReportView,
  RISK_LEVEL_NAMES,
} from '@courtassist/contracts';
import { Descriptions, Flex, Image, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../../shared/lib/format';
import { useBilingual } from '../../../shared/lib/lang';

/** A report as written, per kind, with its photos (served by `photoBase`/<id>). */
export function ReportContent({ report, photoBase, column = 2 }: { report: NetworkTaskReportView; photoBase: string; column?: number }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const c = report.content;
  const rows: [string, ReactNode][] = [[t('networkTasks.drawer.occurredAt'), formatMoment(report.occurredAt)]];
  rows.push([t('networkTasks.drawer.outcome'), <Tag key="o">{text(NETWORK_TASK_OUTCOME_NAMES[c.kind][report.outcome])}</Tag>]);
  switch (c.kind) {
    case 'delivery':
      rows.push([t('networkTasks.content.outcome'), text(DELIVERY_OUTCOME_NAMES[c.outcome])]);
      if (c.receiver) rows.push([t('networkTasks.content.receiver'), c.receiver]);
      rows.push([t('networkTasks.content.place'), c.place]);
      break;
    case 'mediation':
      rows.push([t('networkTasks.content.result'), text(MEDIATION_RESULT_NAMES[c.result])]);
      break;
    case 'investigation':
      rows.push([
        t('networkTasks.content.findings'),
        <Flex key="f" vertical gap={4}>
          {c.findings.map((f, i) => (
            <span key={`${f.kind}-${i}`}>
              <Tag>{text(FINDING_KIND_NAMES[f.kind])}</Tag>
              {f.text}
            </span>
          ))}
        </Flex>,
      ]);
      break;
    case 'petition-risk':
      rows.push([t('networkTasks.content.attitude'), c.attitude]);
      rows.push([
        t('networkTasks.content.riskLevel'),
        <Tag key="r" color={c.riskLevel === 'high' ? 'red' : c.riskLevel === 'medium' ? 'orange' : 'green'}>
          {text(RISK_LEVEL_NAMES[c.riskLevel])}
        </Tag>,
      ]);
      break;
    case 'dispute-report':
      rows.push([t('networkTasks.content.parties'), c.parties]);
      rows.push([t('networkTasks.content.summary'), c.summary]);
      rows.push([t('networkTasks.content.place'), c.place]);
      break;
    case 'circuit-liaison':
      rows.push([t('networkTasks.content.venue'), c.venue]);
      rows.push([t('networkTasks.content.notified'), c.notified.join(t('common.listSeparator'))]);
      break;
  }
  if ('note' in c && c.note) rows.push([t('networkTasks.content.note'), c.note]);
  return (
    <Flex vertical gap={8} data-testid="report-content">
      <Descriptions size="small" column={column} items={rows.map(([label, children], i) => ({ key: String(i), label, children }))} />
      {report.photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap data-testid="report-photos">
            {report.photos.map((p) => (
              <Image key={p.id} src={`${photoBase}/${p.id}`} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Flex>
  );
}
