import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { useCourts } from '../api/courts';
import { CourtDetailCard } from './CourtDetailCard';
import { CourtFormModal, type CourtModalState } from './CourtFormModal';
import { CourtTreeCard } from './CourtTreeCard';

/** 法院: the court tree of the user's scope, the selected court's detail, create and edit. */
export default function CourtsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const courts = useCourts();
  const items = useMemo(() => courts.data?.items ?? [], [courts.data]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [modal, setModal] = useState<CourtModalState | null>(null);

  useEffect(() => {
    if (selectedId === null && items.length > 0) {
      const root = items.find((c) => !items.some((p) => p.id === c.parentId)) ?? items[0];
      setSelectedId(root.id);
    }
  }, [items, selectedId]);

  const selected = items.find((c) => c.id === selectedId) ?? null;
  const parent = selected ? (items.find((c) => c.id === selected.parentId) ?? null) : null;
  const childCount = selected ? items.filter((c) => c.parentId === selected.id).length : 0;

  return (
    <Page
      testId="page-courts"
      title={t('nav.courts')}
      description={t('org.court.description')}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void courts.refetch()} loading={courts.isFetching}>
            {t('common.refresh')}
          </Button>
          {can('org.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="court-create"
              onClick={() => setModal({ mode: 'create', parent: selected && selected.level !== 'tribunal' ? selected : null })}
            >
              {t('org.court.create')}
            </Button>
          )}
        </>
      }
    >
      {courts.isError && <Alert type="error" showIcon message={problemText(courts.error, lang)} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xxl={8}>
          <CourtTreeCard courts={items} loading={courts.isPending} selectedId={selectedId} onSelect={setSelectedId} />
        </Col>
        <Col xs={24} lg={14} xxl={16}>
          <CourtDetailCard
            court={selected}
            parent={parent}
            childCount={childCount}
            onEdit={() => selected && setModal({ mode: 'edit', id: selected.id })}
            onCreateChild={() => selected && setModal({ mode: 'create', parent: selected })}
          />
        </Col>
      </Row>
      <CourtFormModal state={modal} courts={items} onClose={() => setModal(null)} onSaved={(court) => setSelectedId(court.id)} />
    </Page>
  );
}
