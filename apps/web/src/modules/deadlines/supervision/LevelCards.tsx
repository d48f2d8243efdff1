import type { WarningCounts } from '@courtassist/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLang } from '../../../shared/lib/lang';
import { BOARD_LEVELS, type BoardLevel, type BoardScope, bandName, caseListLink, countOf, LEVEL_HEX, levelLabel } from './levels';

interface LevelCardsProps {
  counts: WarningCounts;
  scope: BoardScope;
}

interface FigureProps {
  color: string;
  title: ReactNode;
  caption?: string | null;
  value: number;
  linked: boolean;
  testId: string;
}

function Figure({ color, title, caption, value, linked, testId }: FigureProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" hoverable={linked} style={{ borderTop: `3px solid ${color}`, height: '100%' }} data-testid={testId}>
      <Statistic
        title={
          <>
            <Typography.Text strong style={{ color }}>
              {title}
            </Typography.Text>
            {/* One line whatever the language, so that the figures of all cards line up. */}
            <Typography.Text type="secondary" ellipsis={{ tooltip: caption }} style={{ display: 'block', fontSize: 12, minHeight: 20 }}>
              {caption ?? '\u00a0'}
            </Typography.Text>
          </>
        }
        value={value}
        suffix={t('supervision.board.unit')}
        valueStyle={{ color: value > 0 ? color : undefined, fontWeight: 600 }}
      />
    </Card>
  );
}

/** The total and one card per level, each leading to the case list filtered by that level. */
export function LevelCards({ counts, scope }: LevelCardsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const caption = (level: BoardLevel) =>
    level === 'none' || level === 'suspended' ? t(`supervision.board.levelHint.${level}`) : bandName(level, lang);

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} sm={8} md={6} xl={3}>
        <Figure
          color="#1f1f1f"
          title={t('supervision.board.total')}
          caption={t('supervision.board.totalHint')}
          value={counts.total}
          linked={false}
          testId="board-level-total"
        />
      </Col>
      {BOARD_LEVELS.map((level) => {
        const to = caseListLink(scope, level);
        const figure = (
          <Figure
            linked={to !== null}
            color={LEVEL_HEX[level]}
            title={levelLabel(t, level)}
            caption={caption(level)}
            value={countOf(counts, level)}
            testId={`board-level-${level}`}
          />
        );
        return (
          <Col key={level} xs={12} sm={8} md={6} xl={3}>
            {to ? (
              <Link to={to} data-testid={`board-link-${level}`}>
                {figure}
              </Link>
            ) : (
              figure
            )}
          </Col>
        );
      })}
    </Row>
  );
}
