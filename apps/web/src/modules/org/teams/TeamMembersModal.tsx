import { TEAM_POSITIONS, type Team, type TeamPosition } from '@courtassist/contracts';
import { Alert, App, Form, Modal, Select, Tag } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useSetTeamMembers } from '../api/teams';
import { useUsers } from '../api/users';
import { POSITION_COLORS, POSITION_KEYS } from './positions';

type FormValues = Record<TeamPosition, number[]>;

function membersByPosition(team: Team): FormValues {
  const values: FormValues = { judge: [], assistant: [], clerk: [] };
  for (const m of team.members) values[m.position].push(m.userId);
  return values;
}

/** Chooses the team's judges, assistants and clerks among the users of its court, within the template's counts. */
export function TeamMembersModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const setMembers = useSetTeamMembers();
  const onSaveError = useSaveErrorHandler();
  const users = useUsers({ courtId: team?.courtId, status: 'active', sort: 'displayName', page: 1, pageSize: 200 }, !!team);
  const chosen = Form.useWatch([], form) as FormValues | undefined;

  // Reset when opened, and when the list brings a changed team (e.g. the reload after a conflict):
  // TanStack Query keeps the object's identity while its data is unchanged.
  useEffect(() => {
    if (team) form.setFieldsValue(membersByPosition(team));
  }, [team, form]);

  const userOptions = useMemo(() => {
    const list = (users.data?.items ?? []).map((u) => ({
      value: u.id,
      label: `${u.displayName}（${u.username}）${u.departmentName ? ` · ${u.departmentName}` : ''}`,
    }));
    // Current members who are no longer listed (e.g. disabled) stay choosable so they can be removed.
    for (const m of team?.members ?? []) {
      if (!list.some((o) => o.value === m.userId)) list.push({ value: m.userId, label: m.displayName });
    }
    return list;
  }, [users.data, team]);

  const optionsFor = (position: TeamPosition) => {
    const elsewhere = new Set(TEAM_POSITIONS.filter((p) => p !== position).flatMap((p) => chosen?.[p] ?? []));
    return userOptions.filter((o) => !elsewhere.has(o.value));
  };

  const submit = (values: FormValues) => {
    if (!team) return;
    const members = TEAM_POSITIONS.flatMap((position) => (values[position] ?? []).map((userId) => ({ userId, position })));
    setMembers.mutate(
      { id: team.id, members, version: team.version },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => onSaveError(error, form),
      },
    );
  };

  return (
    <Modal
      open={!!team}
      title={team ? t('org.team.membersTitle', { name: team.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={setMembers.isPending}
      destroyOnHidden
      width={640}
    >
      {team && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('org.team.membersHint', { court: team.courtName, ...team.template })}
          />
          <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
            {TEAM_POSITIONS.map((position) => {
              const max = team.template[position];
              return (
                <Form.Item
                  key={position}
                  name={position}
                  label={
                    <span>
                      <Tag color={POSITION_COLORS[position]}>{t(POSITION_KEYS[position])}</Tag>
                      {t('org.team.upTo', { count: max })}
                    </span>
                  }
                  rules={[
                    {
                      validator: (_, value: number[] | undefined) =>
                        (value?.length ?? 0) <= max ? Promise.resolve() : Promise.reject(new Error(t('org.team.tooMany', { count: max }))),
                    },
                  ]}
                >
                  <Select<number[]>
                    mode="multiple"
                    allowClear
                    maxCount={max}
                    disabled={max === 0}
                    loading={users.isPending}
                    optionFilterProp="label"
                    options={optionsFor(position)}
                    placeholder={max === 0 ? t('org.team.positionNotInTemplate') : t('org.team.chooseUsers')}
                  />
                </Form.Item>
              );
            })}
          </Form>
        </>
      )}
    </Modal>
  );
}
