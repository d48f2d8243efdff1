import { HEARING_CONFLICT_KIND_NAMES, type HearingConflict } from '@courtassist/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useBilingual } from '../../shared/lib/lang';
import { chinaParts } from './week';

/** The case number the API gives for a clashing hearing of a case outside the user's scope. */
const HIDDEN_CASE = '—';

function ConflictLine({ conflict: c }: { conflict: HearingConflict }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const start = chinaParts(c.startsAt);
  const end = chinaParts(c.endsAt);
  const what = bilingual(HEARING_CONFLICT_KIND_NAMES[c.kind]);
  return (
    <li data-testid={`conflict-${c.kind}`}>
      {c.userName ? t('hearings.conflict.person', { what, name: c.userName }) : what}
      {t('hearings.conflict.colon')}
      {c.caseNumber === HIDDEN_CASE ? (
        t('hearings.conflict.otherCase')
      ) : (
        // A new tab: the form being filled in stays as it is.
        <Link to={`/hearings?week=${start.date}&hearing=${c.hearingId}`} target="_blank" data-testid={`conflict-link-${c.hearingId}`}>
          {c.caseNumber}
        </Link>
      )}{' '}
      {t('hearings.conflict.when', {
        date: start.date,
        start: start.time,
        end: end.date === start.date ? end.time : `${end.date} ${end.time}`,
        room: c.courtroomName,
      })}
    </li>
  );
}

/** 排期冲突: each clash of the room or of a person who must attend, with the hearing that holds them. */
export function ConflictAlert({ conflicts }: { conflicts: readonly HearingConflict[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="schedule-conflicts"
      message={t('hearings.conflict.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {conflicts.map((c) => (
            <ConflictLine key={`${c.kind}/${c.hearingId}/${c.userId ?? ''}`} conflict={c} />
          ))}
        </ul>
      }
    />
  );
}
