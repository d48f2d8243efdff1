import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { JudgeSelect } from '../../cases';
import { CourtTreeSelect } from '../../org';
import { useCourtDepartments } from './api';
import type { BoardScope } from './levels';

type Patch = Partial<Record<keyof BoardScope, number | null>>;

interface BoardFiltersProps {
  value: BoardScope;
  onChange: (patch: Patch) => void;
}

/** Court, then its department and judge; the courts offered are those of the user's scope. */
export function BoardFilters({ value, onChange }: BoardFiltersProps) {
  const { t } = useTranslation();
  const departments = useCourtDepartments(value.courtId);
  const departmentOptions = (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));

  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      <Form.Item label={t('supervision.board.court')}>
        <CourtTreeSelect
          allowClear
          value={value.courtId ?? null}
          placeholder={t('supervision.board.allCourts')}
          style={{ width: 240 }}
          data-testid="board-court"
          onChange={(courtId) => onChange({ courtId, departmentId: null, judgeId: null })}
        />
      </Form.Item>
      <Form.Item label={t('supervision.board.department')}>
        <Select<number | null>
          allowClear
          showSearch
          optionFilterProp="label"
          disabled={!value.courtId}
          loading={!!value.courtId && departments.isPending}
          value={value.departmentId ?? null}
          placeholder={value.courtId ? t('supervision.board.allDepartments') : t('supervision.board.selectCourtFirst')}
          options={departmentOptions}
          style={{ width: 200 }}
          data-testid="board-department"
          onChange={(departmentId) => onChange({ departmentId: departmentId ?? null })}
        />
      </Form.Item>
      <Form.Item label={t('supervision.board.judge')}>
        {value.courtId ? (
          <JudgeSelect<number>
            allowClear
            courtId={value.courtId}
            value={value.judgeId}
            placeholder={t('supervision.board.allJudges')}
            style={{ width: 180 }}
            data-testid="board-judge"
            onChange={(judgeId) => onChange({ judgeId: judgeId ?? null })}
          />
        ) : (
          <Select disabled placeholder={t('supervision.board.selectCourtFirst')} style={{ width: 180 }} />
        )}
      </Form.Item>
    </Form>
  );
}
