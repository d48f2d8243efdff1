import { CheckOutlined, ContainerOutlined, FileDoneOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { CaseDetail, CaseNode } from '@courtassist/contracts';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/lib/lang';
import { EntityHistory } from '../../audit';
import { useCan, useMe } from '../../auth';
import { nodeName } from '../labels';
import { ArchiveModal } from './actions/ArchiveModal';
import { AssignModal } from './actions/AssignModal';
import { CloseModal } from './actions/CloseModal';
import { CompleteNodeModal } from './actions/CompleteNodeModal';
import { PanelModal } from './actions/PanelModal';

type Action = 'assign' | 'complete' | 'panel' | 'close' | 'archive';

/** Nodes completed one by one; assignment, closure and archiving have their own actions. */
const COMPLETABLE: readonly CaseNode[] = ['delivery', 'scheduling', 'hearing', 'deliberation', 'pronouncement'];

/** The actions the user may take on the case in its present state. */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useMe().data;
  const [action, setAction] = useState<Action | null>(null);
  const close = () => setAction(null);

  // The server lets the trial team handle a case, and those who may assign it (division heads).
  const onTeam = !!me && [detail.judgeId, detail.assistantId, detail.clerkId].includes(me.id);
  const handles = can('case.handle') && (onTeam || can('case.assign'));
  const open = detail.status === 'open';

  const buttons = [];
  if (can('case.assign') && (detail.status === 'pending-assignment' || open)) {
    buttons.push(
      <Button
        key="assign"
        type={detail.status === 'pending-assignment' ? 'primary' : 'default'}
        icon={<UserSwitchOutlined />}
        onClick={() => setAction('assign')}
        data-testid="case-assign"
      >
        {detail.status === 'pending-assignment' ? t('cases.assign.action') : t('cases.assign.reassign')}
      </Button>,
    );
  }
  if (handles && open && COMPLETABLE.includes(detail.currentNode)) {
    buttons.push(
      <Button key="complete" type="primary" icon={<CheckOutlined />} onClick={() => setAction('complete')} data-testid="node-complete">
        {t('cases.node.completeButton', { node: nodeName(detail.currentNode, lang) })}
      </Button>,
    );
  }
  if (handles && open && detail.judgeId) {
    buttons.push(
      <Button key="panel" icon={<TeamOutlined />} onClick={() => setAction('panel')} data-testid="case-panel">
        {t('cases.panel.action')}
      </Button>,
    );
  }
  if (handles && open) {
    buttons.push(
      <Button key="close" icon={<FileDoneOutlined />} onClick={() => setAction('close')} data-testid="case-close">
        {t('cases.close.action')}
      </Button>,
    );
  }
  if (handles && detail.status === 'closed') {
    buttons.push(
      <Button key="archive" type="primary" icon={<ContainerOutlined />} onClick={() => setAction('archive')} data-testid="case-archive">
        {t('cases.archive.action')}
      </Button>,
    );
  }

  return (
    <>
      {buttons}
      <EntityHistory entityType="case" entityId={detail.id} name={detail.caseNumber} asButton />
      <AssignModal detail={detail} open={action === 'assign'} onClose={close} />
      <CompleteNodeModal detail={detail} open={action === 'complete'} onClose={close} />
      {detail.judgeId && <PanelModal detail={detail} open={action === 'panel'} onClose={close} />}
      <CloseModal detail={detail} open={action === 'close'} onClose={close} />
      <ArchiveModal detail={detail} open={action === 'archive'} onClose={close} />
    </>
  );
}
