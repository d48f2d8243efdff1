import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeamBoard } from './api';

interface MemberSelectProps {
  teamId: number | undefined;
  value?: number;
  onChange?: (userId: number) => void;
  /** A member not to offer (the one handing over). */
  exclude?: number;
  testId?: string;
}

/** The members of a centre team with what each holds now, the least loaded first, so that leaders spread the work. */
export function MemberSelect({ teamId, value, onChange, exclude, testId }: MemberSelectProps) {
  const { t } = useTranslation();
  const board = useTeamBoard(teamId);
  const members = [...(board.data?.members ?? [])].filter((m) => m.userId !== exclude).sort((a, b) => a.load - b.load);
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      loading={board.isPending && teamId !== undefined}
      options={members.map((m) => ({
        value: m.userId,
        label: t('workOrders.bulk.assigneeOption', { name: m.name, load: m.load, overdue: m.overdue }),
      }))}
      data-testid={testId}
    />
  );
}
