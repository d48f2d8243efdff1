import { DownloadOutlined } from '@ant-design/icons';
import {
  COURTROOM_KIND_NAMES,
  HEARING_KIND_NAMES,
  HEARING_PARTICIPANT_ROLE_NAMES,
  HEARING_PARTICIPANT_ROLES,
  type HearingDetail,
} from '@courtassist/contracts';
import { Alert, Button, Descriptions, Drawer, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemText } from '../../shared/api/problem';
import { useBilingual, useLang } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { summonsUrl, useHearing } from './api';
import { HearingActions } from './HearingActions';
import { HearingStatusTag } from './HearingStatusTag';
import { partyRoleName } from './labels';
import { chinaParts } from './week';

/** The bench and the clerk first, then the parties, whatever order the people were (re)booked in. */
function byRole(participants: HearingDetail['participants']) {
  return [...participants].sort((a, b) => HEARING_PARTICIPANT_ROLES.indexOf(a.role) - HEARING_PARTICIPANT_ROLES.indexOf(b.role));
}

/**
 * One hearing: the case, when and where, who sits and who is summoned, with each party's summons;
 * below, what those who schedule may do to it.
 */
export function HearingDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bilingual = useBilingual();
  const can = useCan();
  const hearing = useHearing(id);
  const h = hearing.data;
  const start = h ? chinaParts(h.startsAt) : null;
  const end = h ? chinaParts(h.endsAt) : null;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={560}
      title={t('hearings.detail')}
      destroyOnHidden
      footer={h && h.status === 'scheduled' && can('hearing.schedule') ? <HearingActions hearing={h} /> : null}
    >
      {hearing.isPending && <Skeleton active />}
      {hearing.isError && <Alert type="error" showIcon message={problemText(hearing.error, lang)} />}
      {h && start && end && (
        <div data-testid="hearing-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('hearings.caseNumber')}>
              <Link to={`/cases/${h.caseId}`}>{h.caseNumber}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('hearings.parties')}>{h.caseTitle}</Descriptions.Item>
            <Descriptions.Item label={t('hearings.time')}>
              {start.date} {start.time}–{end.date === start.date ? end.time : `${end.date} ${end.time}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('hearings.room')}>
              {h.courtroomName}（{bilingual(COURTROOM_KIND_NAMES[h.courtroomKind])}）
            </Descriptions.Item>
            <Descriptions.Item label={t('hearings.kind')}>{bilingual(HEARING_KIND_NAMES[h.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <HearingStatusTag status={h.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('hearings.publicity')}>
              {h.isPublic ? t('hearings.announced', { date: h.announcedOn ?? '—' }) : t('hearings.inCamera')}
            </Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey={(p) => `${p.role}/${p.userId ?? ''}/${p.partyId ?? ''}`}
            pagination={false}
            dataSource={byRole(h.participants)}
            columns={[
              {
                key: 'role',
                title: t('hearings.role'),
                render: (_, p) => (p.partyRole ? partyRoleName(p.partyRole, bilingual) : bilingual(HEARING_PARTICIPANT_ROLE_NAMES[p.role])),
              },
              { key: 'name', title: t('hearings.name'), dataIndex: 'name' },
              {
                key: 'summons',
                title: t('hearings.summons'),
                render: (_, p) =>
                  p.partyId !== null && h.status !== 'cancelled' && can('hearing.schedule') ? (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      href={summonsUrl(h.id, p.partyId)}
                      data-testid={`summons-${p.partyId}`}
                    >
                      {t('hearings.downloadSummons')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
