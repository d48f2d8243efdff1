import { CALENDAR_DAY_KIND_NAMES, type CalendarDay } from '@courtassist/contracts';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { type CSSProperties, memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, useLang } from '../../shared/lib/lang';
import { daysInMonth, isoDate, isWeekend, todayInChina, weekdayOf } from './dates';

/** Colours of the grid: holidays red, adjusted working days blue, plain weekends grey. */
export const DAY_STYLES = {
  holiday: { background: '#fff1f0', color: '#cf1322', borderColor: '#ffa39e' },
  workday: { background: '#e6f4ff', color: '#0958d9', borderColor: '#69b1ff' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c', borderColor: '#f0f0f0' },
  weekday: { background: '#ffffff', color: 'rgba(0, 0, 0, 0.88)', borderColor: '#f0f0f0' },
} as const;

type Look = keyof typeof DAY_STYLES;

function lookOf(day: string, entry: CalendarDay | undefined): Look {
  if (entry) return entry.kind;
  return isWeekend(day) ? 'weekend' : 'weekday';
}

interface YearGridProps {
  year: number;
  days: CalendarDay[];
  /** Called with the date clicked; without it the grid is read-only. */
  onPick?: (day: string) => void;
}

/** The whole year as twelve small month calendars, weeks starting on Monday. */
export function YearGrid({ year, days, onPick }: YearGridProps) {
  const byDay = useMemo(() => new Map(days.map((d) => [d.day, d])), [days]);
  const today = todayInChina();
  return (
    <Row gutter={[12, 12]} data-testid="calendar-year-grid">
      {Array.from({ length: 12 }, (_, month) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months never move
        <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
          <MonthGrid year={year} month={month} byDay={byDay} today={today} onPick={onPick} />
        </Col>
      ))}
    </Row>
  );
}

interface MonthGridProps {
  year: number;
  /** 0 = January. */
  month: number;
  byDay: ReadonlyMap<string, CalendarDay>;
  today: string;
  onPick?: (day: string) => void;
}

const cellBase: CSSProperties = {
  position: 'relative',
  height: 30,
  border: '1px solid',
  borderRadius: 4,
  fontSize: 13,
  lineHeight: '28px',
  textAlign: 'center',
  padding: 0,
  fontVariantNumeric: 'tabular-nums',
};

const markStyle: CSSProperties = { position: 'absolute', top: 0, right: 2, fontSize: 9, lineHeight: '12px', fontWeight: 600 };

const MonthGrid = memo(function MonthGrid({ year, month, byDay, today, onPick }: MonthGridProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const weekdayHeads = t('calendar.weekdays').split(',');
  const weekdayNames = t('calendar.weekdayNames').split(',');
  const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month, 1));
  // Monday-first: blanks before the 1st.
  const lead = (weekdayOf(isoDate(year, month, 1)) + 6) % 7;
  const count = daysInMonth(year, month);

  return (
    <Card size="small" title={t('calendar.monthTitle', { month: month + 1, name })} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 3 }}>
        {weekdayHeads.map((head, i) => (
          <Typography.Text key={head} type="secondary" style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? '#8c8c8c' : undefined }}>
            {head}
          </Typography.Text>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blanks have no identity
          <span key={`blank-${i}`} />
        ))}
        {Array.from({ length: count }, (_, i) => {
          const day = isoDate(year, month, i + 1);
          const entry = byDay.get(day);
          const look = lookOf(day, entry);
          const colours = DAY_STYLES[look];
          const label = [
            `${day} ${weekdayNames[weekdayOf(day)]}`,
            entry ? `${entry.name} · ${pickText(lang, CALENDAR_DAY_KIND_NAMES[entry.kind])}` : null,
          ]
            .filter(Boolean)
            .join(' · ');
          const style: CSSProperties = {
            ...cellBase,
            ...colours,
            fontWeight: entry ? 600 : undefined,
            outline: day === today ? '2px solid #1d4f91' : undefined,
            outlineOffset: day === today ? -1 : undefined,
            cursor: onPick ? 'pointer' : 'default',
          };
          const content = (
            <>
              {i + 1}
              {entry && <span style={markStyle}>{entry.kind === 'holiday' ? t('calendar.restMark') : t('calendar.workMark')}</span>}
            </>
          );
          return onPick ? (
            <button
              key={day}
              type="button"
              title={label}
              aria-label={label}
              style={style}
              onClick={() => onPick(day)}
              data-day={day}
              data-kind={look}
            >
              {content}
            </button>
          ) : (
            <div key={day} title={label} style={style} data-day={day} data-kind={look}>
              {content}
            </div>
          );
        })}
      </div>
    </Card>
  );
});

/** The key to the grid's colours. */
export function CalendarLegend() {
  const { t } = useTranslation();
  const items: [Look | 'today', string, string | null][] = [
    ['holiday', t('calendar.legendHoliday'), t('calendar.restMark')],
    ['workday', t('calendar.legendWorkday'), t('calendar.workMark')],
    ['weekend', t('calendar.legendWeekend'), null],
    ['today', t('calendar.legendToday'), null],
  ];
  return (
    <Flex gap={16} wrap align="center">
      {items.map(([look, text, mark]) => (
        <Flex key={look} gap={6} align="center">
          <span
            style={{
              ...cellBase,
              ...(look === 'today' ? DAY_STYLES.weekday : DAY_STYLES[look]),
              outline: look === 'today' ? '2px solid #1d4f91' : undefined,
              outlineOffset: -1,
              display: 'inline-block',
              width: 28,
              height: 22,
              lineHeight: '20px',
              fontSize: 11,
            }}
          >
            {mark}
          </span>
          <Typography.Text type="secondary">{text}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
