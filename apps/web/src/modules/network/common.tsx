import { ASSISTANT_STATUS_NAMES, type AssistantStatus } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useBilingual } from '../../shared/lib/lang';
import { useUrlNumbers } from '../../shared/lib/useUrlNumbers';
import { useMe } from '../auth';

/** The court a network page shows: `?courtId=` in the URL, else the user's own court. */
export function useCourtParam(): [number | undefined, (courtId: number | null) => void] {
  const { data: me } = useMe();
  const [{ courtId }, setUrl] = useUrlNumbers('courtId');
  return [courtId ?? me?.court.id, (value) => setUrl({ courtId: value })];
}

const STATUS_COLOURS: Record<AssistantStatus, string> = { active: 'green', paused: 'orange', left: 'default' };

export function AssistantStatusTag({ status }: { status: AssistantStatus }) {
  const text = useBilingual();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={`assistant-status-${status}`}>
      {text(ASSISTANT_STATUS_NAMES[status])}
    </Tag>
  );
}

/** A category's name in the current language, with official categories marked. */
export function CategoryTags({ categories }: { categories: { code: string; nameZh: string; nameEn: string; official: boolean }[] }) {
  const text = useBilingual();
  return (
    <>
      {categories.map((c) => (
        <Tag key={c.code} color={c.official ? 'blue' : 'purple'} style={{ marginBottom: 2 }}>
          {text({ zh: c.nameZh, en: c.nameEn })}
        </Tag>
      ))}
    </>
  );
}
