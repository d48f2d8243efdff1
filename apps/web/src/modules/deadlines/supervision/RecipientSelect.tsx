import type { CaseDetail } from '@courtassist/contracts';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../auth';
import { useCourtUsers } from './api';
import { useDebounced } from './useDebounced';

interface RecipientSelectProps {
  kase: CaseDetail | undefined;
  value?: number;
  onChange?: (value: number | undefined) => void;
}

/**
 * The recipient: the case's judge, assistant or clerk first, then anyone of the case's court found
 * by name (for those who may read users). The server checks the person can see the case.
 */
export function RecipientSelect({ kase, value, onChange }: RecipientSelectProps) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const users = useCourtUsers(kase?.courtId, q, can('user.read'));

  const options = useMemo(() => {
    if (!kase) return [];
    const myId = me.data?.id;
    const team = [
      { id: kase.judgeId, name: kase.judgeName, role: t('supervision.issue.judge') },
      { id: kase.assistantId, name: kase.assistantName, role: t('supervision.issue.assistant') },
      { id: kase.clerkId, name: kase.clerkName, role: t('supervision.issue.clerk') },
    ].filter((m): m is { id: number; name: string; role: string } => m.id !== null && m.name !== null && m.id !== myId);
    const teamIds = new Set(team.map((m) => m.id));
    const matches = (name: string) => !q || name.includes(q);
    const groups = [
      {
        label: t('supervision.issue.teamGroup'),
        options: team.filter((m) => matches(m.name)).map((m) => ({ value: m.id, label: `${m.name}（${m.role}）` })),
      },
      {
        label: t('supervision.issue.courtGroup'),
        options: (users.data?.items ?? [])
          .filter((u) => !teamIds.has(u.id) && u.id !== myId)
          .map((u) => ({ value: u.id, label: `${u.displayName}（${u.departmentName ?? u.courtName}）` })),
      },
    ];
    return groups.filter((g) => g.options.length > 0);
  }, [kase, me.data?.id, users.data, q, t]);

  return (
    <Select<number>
      showSearch
      allowClear
      filterOption={false}
      disabled={!kase}
      loading={users.isFetching}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSearch={setSearch}
      onBlur={() => setSearch('')}
      options={options}
      placeholder={t('supervision.issue.recipientPlaceholder')}
      data-testid="issue-recipient"
    />
  );
}
