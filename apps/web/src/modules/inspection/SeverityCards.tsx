import { INSPECTION_SEVERITIES, type InspectionSeverity } from '@courtassist/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDefectCount } from './api';

const COLORS: Record<InspectionSeverity | 'open', string | undefined> = {
  open: undefined,
  error: '#cf1322',
  warning: '#d48806',
  info: '#1677ff',
};

function CountCard({ courtId, severity, onPick }: { courtId?: number; severity?: InspectionSeverity; onPick: () => void }) {
  const { t } = useTranslation();
  const count = useDefectCount({ courtId, status: 'open', severity });
  const key = severity ?? 'open';
  return (
    <Card hoverable size="small" onClick={onPick} data-testid={`defect-count-${key}`}>
      <Statistic
        title={t(`inspection.cards.${key}`)}
        value={count.data ?? '—'}
        loading={count.isPending}
        valueStyle={{ color: COLORS[key] }}
      />
    </Card>
  );
}

interface SeverityCardsProps {
  courtId?: number;
  /** Lists the open defects of the severity clicked (all of them for the first card). */
  onPick: (severity: InspectionSeverity | null) => void;
}

/** The open defects, all and by severity; a click filters the list below. */
export function SeverityCards({ courtId, onPick }: SeverityCardsProps) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}>
        <CountCard courtId={courtId} onPick={() => onPick(null)} />
      </Col>
      {INSPECTION_SEVERITIES.map((s) => (
        <Col xs={12} md={6} key={s}>
          <CountCard courtId={courtId} severity={s} onPick={() => onPick(s)} />
        </Col>
      ))}
    </Row>
  );
}
