import { PlusOutlined } from '@ant-design/icons';
import { COURTROOM_KIND_NAMES, type Courtroom, type HearingView } from '@courtassist/contracts';
import { Button, Flex, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../shared/lib/lang';
import { chinaParts } from './week';

interface WeekGridProps {
  days: string[];
  today: string;
  rooms: Courtroom[];
  hearings: HearingView[];
  loading: boolean;
  onOpen: (hearing: HearingView) => void;
  /** Scheduling in a free part of a room's day (today or later); absent for those who cannot schedule. */
  onSlot?: (room: Courtroom, day: string) => void;
}

// A week fits beside the menu on a 1440-pixel screen; narrower ones scroll.
const ROOM_WIDTH = 160;
const DAY_WIDTH = 138;

const KIND_COLOURS: Record<HearingView['kind'], string> = {
  first: 'blue',
  continued: 'geekblue',
  'judgment-pronouncement': 'purple',
  mediation: 'green',
  'pre-trial': 'cyan',
};

/** A week by room: one row per room, one column per day, each cell the room's hearings of that day. */
export function WeekGrid({ days, today, rooms, hearings, loading, onOpen, onSlot }: WeekGridProps) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const weekdays = t('hearings.weekdays').split(',');

  const byCell = useMemo(() => {
    const cells = new Map<string, HearingView[]>();
    for (const h of hearings) {
      const key = `${h.courtroomId}/${chinaParts(h.startsAt).date}`;
      cells.set(key, [...(cells.get(key) ?? []), h]);
    }
    for (const list of cells.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return cells;
  }, [hearings]);

  const columns: TableProps<Courtroom>['columns'] = [
    {
      key: 'room',
      title: t('hearings.room'),
      fixed: 'left',
      width: ROOM_WIDTH,
      render: (_, room) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{room.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {bilingual(COURTROOM_KIND_NAMES[room.kind])}
          </Typography.Text>
          {room.courtName && room.kind === 'tribunal-room' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {room.courtName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...days.map((day, i) => ({
      key: day,
      title: (
        <Flex vertical align="center" data-testid={`hearings-day-${day}`}>
          <span>{weekdays[i]}</span>
          <Typography.Text type={day === today ? undefined : 'secondary'} strong={day === today} style={{ fontSize: 12 }}>
            {day.slice(5)}
          </Typography.Text>
        </Flex>
      ),
      width: DAY_WIDTH,
      onCell: () => ({ style: { verticalAlign: 'top', background: day === today ? '#e6f4ff' : i >= 5 ? '#fafafa' : undefined } }),
      render: (_: unknown, room: Courtroom) => (
        <Flex vertical gap={4}>
          {(byCell.get(`${room.id}/${day}`) ?? []).map((h) => (
            <Tooltip key={h.id} title={`${h.caseNumber} ${h.caseTitle}`}>
              <Button
                size="small"
                type="text"
                data-testid={`hearing-${h.id}`}
                onClick={() => onOpen(h)}
                style={{ height: 'auto', padding: '2px 4px', textAlign: 'left', whiteSpace: 'normal', display: 'block', width: '100%' }}
              >
                <Tag color={KIND_COLOURS[h.kind]} style={{ marginInlineEnd: 4 }}>
                  {chinaParts(h.startsAt).time}–{chinaParts(h.endsAt).time}
                </Tag>
                <Typography.Text style={{ fontSize: 12 }}>{h.caseNumber}</Typography.Text>
                {h.judgeName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {h.judgeName}
                    {h.isPublic ? '' : ` · ${t('hearings.inCamera')}`}
                  </Typography.Text>
                )}
              </Button>
            </Tooltip>
          ))}
          {onSlot && day >= today && (
            <Button
              size="small"
              type="text"
              icon={<PlusOutlined />}
              onClick={() => onSlot(room, day)}
              aria-label={t('hearings.schedule.slot', { room: room.name, day })}
              title={t('hearings.schedule.slot', { room: room.name, day })}
              data-testid={`slot-${room.id}-${day}`}
              style={{ color: 'rgba(0,0,0,0.25)', width: '100%' }}
            />
          )}
        </Flex>
      ),
    })),
  ];

  return (
    <Table<Courtroom>
      data-testid="hearings-week-grid"
      rowKey="id"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rooms}
      pagination={false}
      scroll={{ x: ROOM_WIDTH + 7 * DAY_WIDTH }}
      locale={{ emptyText: t('hearings.noRooms') }}
    />
  );
}
