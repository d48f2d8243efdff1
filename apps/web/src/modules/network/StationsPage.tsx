import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import {
  AREA_NAME_MAX,
  AREA_NAME_MIN,
  AREA_NAMES_MAX,
  FIELD_ERRORS,
  NETWORK_FIELD_ERRORS,
  normaliseAreaNames,
  STATION_KIND_NAMES,
  STATION_KINDS,
  type StationView,
} from '@courtassist/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../shared/api/client';
import { useProblemHandler, useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { Page } from '../../shared/components/Page';
import { useBilingual } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { CourtTreeSelect } from '../org';
import { useCreateStation, useDeleteStation, useStations, useUpdateStation } from './api';
import { useCourtParam } from './common';

function buildTree(stations: StationView[], describe: (s: StationView) => string, inactive: string): DataNode[] {
  const byParent = new Map<number | null, StationView[]>();
  for (const s of stations) {
    const parent = s.parentId !== null && stations.some((p) => p.id === s.parentId) ? s.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), s]);
  }
  const nodes = (parent: number | null): DataNode[] =>
    (byParent.get(parent) ?? []).map((s) => ({
      key: s.id,
      title: (
        <span data-testid={`station-node-${s.id}`}>
          {s.name} <Typography.Text type="secondary">· {describe(s)}</Typography.Text>
          {!s.active && <Tag style={{ marginInlineStart: 6 }}>{inactive}</Tag>}
        </span>
      ),
      children: nodes(s.id),
    }));
  return nodes(null);
}

interface FormValues {
  kind: StationView['kind'];
  name: string;
  parentId: number | null;
  address: string;
  lng: number | null;
  lat: number | null;
  contactName: string;
  contactPhone: string;
  areaNames: string[];
  active: boolean;
}

/** 联络站: the tree of a court's stations on the left, the chosen station's details on the right. */
export default function StationsPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('network.manage');
  const [courtId, setCourtId] = useCourtParam();
  const stations = useStations(courtId);
  const items = stations.data?.items ?? [];
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ station: StationView | null; parentId: number | null } | null>(null);
  const remove = useDeleteStation();
  const onError = useProblemHandler();
  const kindName = useCallback((s: StationView) => text(STATION_KIND_NAMES[s.kind]), [text]);
  const describe = useCallback(
    (s: StationView) => `${kindName(s)} · ${t('network.station.assistants', { count: s.assistantCount })}`,
    [kindName, t],
  );
  const tree = useMemo(() => buildTree(items, describe, t('network.station.inactive')), [items, describe, t]);
  const current = items.find((s) => s.id === selected) ?? null;
  const parentName = (id: number | null) => items.find((s) => s.id === id)?.name ?? t('network.station.noParent');

  return (
    <Page
      testId="network-stations-page"
      title={t('network.station.title')}
      description={t('network.station.description')}
      extra={
        <>
          <CourtTreeSelect style={{ width: 300 }} value={courtId ?? null} onChange={setCourtId} data-testid="network-court" />
          {manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ station: null, parentId: null })}
              data-testid="station-add"
            >
              {t('network.station.add')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('network.station.total', { count: stations.data?.total ?? 0 })} loading={stations.isPending}>
            {items.length === 0 ? (
              <Empty description={t('network.station.empty')} />
            ) : (
              <Tree
                treeData={tree}
                defaultExpandAll
                key={`${courtId}-${items.length}`}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys.length > 0 ? Number(keys[0]) : null)}
                data-testid="station-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={current?.name ?? t('network.station.title')} data-testid="station-detail">
            {!current ? (
              <Empty description={t('network.station.pickOne')} />
            ) : (
              <>
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={t('network.station.kind')}>{kindName(current)}</Descriptions.Item>
                  <Descriptions.Item label={t('network.court')}>{current.courtName}</Descriptions.Item>
                  <Descriptions.Item label={t('network.station.parent')}>{parentName(current.parentId)}</Descriptions.Item>
                  <Descriptions.Item label={t('network.station.address')}>{current.address || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('network.station.areaNames')}>
                    <span data-testid="station-area-names">
                      {current.areaNames.length === 0 ? (
                        <Typography.Text type="secondary">{t('network.station.areaNamesNone')}</Typography.Text>
                      ) : (
                        <Flex gap={4} wrap>
                          {current.areaNames.map((name) => (
                            <Tag key={name} style={{ marginInlineEnd: 0 }}>
                              {name}
                            </Tag>
                          ))}
                        </Flex>
                      )}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('network.station.coordinates')}>
                    {current.lng !== null && current.lat !== null ? `${current.lng.toFixed(6)}, ${current.lat.toFixed(6)}` : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('network.station.contactName')}>{current.contactName || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('network.station.contactPhone')}>{current.contactPhone || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('common.status')}>
                    {current.active ? <Tag color="green">{t('network.station.active')}</Tag> : <Tag>{t('network.station.inactive')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('network.nav.assistants')}>
                    {t('network.station.assistants', { count: current.assistantCount })} ·{' '}
                    {t('network.station.children', { count: current.childCount })}
                  </Descriptions.Item>
                </Descriptions>
                <Space wrap style={{ marginTop: 12 }}>
                  <Link to={`/network/assistants?courtId=${current.courtId}&stationId=${current.id}`}>
                    <Button icon={<TeamOutlined />}>{t('network.station.viewAssistants')}</Button>
                  </Link>
                  {manage && (
                    <>
                      <Button
                        icon={<EditOutlined />}
                        onClick={() => setEditing({ station: current, parentId: current.parentId })}
                        data-testid="station-edit"
                      >
                        {t('common.edit')}
                      </Button>
                      <Button icon={<PlusOutlined />} onClick={() => setEditing({ station: null, parentId: current.id })}>
                        {t('network.station.addChild')}
                      </Button>
                      <Popconfirm
                        title={t('network.station.deleteConfirm', { name: current.name })}
                        onConfirm={() =>
                          remove.mutate(
                            { id: current.id, version: current.version },
                            {
                              onSuccess: () => {
                                message.success(t('network.station.deleted'));
                                setSelected(null);
                              },
                              onError: (error) => onError(error),
                            },
                          )
                        }
                      >
                        <Button danger icon={<DeleteOutlined />} data-testid="station-delete">
                          {t('network.station.delete')}
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              </>
            )}
          </Card>
        </Col>
      </Row>
      {courtId !== undefined && (
        <StationDrawer
          open={editing !== null}
          courtId={courtId}
          station={editing?.station ?? null}
          parentId={editing?.parentId ?? null}
          stations={items}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setSelected(id);
            setEditing(null);
          }}
        />
      )}
    </Page>
  );
}

function StationDrawer({
  open,
  courtId,
  station,
  parentId,
  stations,
  onClose,
  onSaved,
}: {
  open: boolean;
  courtId: number;
  station: StationView | null;
  parentId: number | null;
  stations: StationView[];
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateStation();
  const update = useUpdateStation();
  const onError = useSaveErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      station
        ? { ...station }
        : {
            kind: parentId ? 'village-point' : 'liaison-station',
            parentId,
            name: '',
            address: '',
            lng: null,
            lat: null,
            contactName: '',
            contactPhone: '',
            areaNames: [],
            active: true,
          },
    );
  }, [open, station, parentId, form]);

  const submit = (values: FormValues) => {
    const body = {
      ...values,
      name: values.name.trim(),
      address: values.address?.trim() ?? '',
      contactName: values.contactName?.trim() ?? '',
      contactPhone: values.contactPhone?.trim() ?? '',
      parentId: values.parentId ?? null,
      lng: values.lng ?? null,
      lat: values.lat ?? null,
      areaNames: normaliseAreaNames(values.areaNames ?? []),
    };
    const onSaveError = (error: unknown) => {
      if (isApiError(error, 'VERSION_CONFLICT')) onClose();
      onError(error, form);
      // The tags input is one form field: a problem of entry N is shown on it, naming the entry.
      const listed = isApiError(error) ? (error.problem.errors ?? []).filter((p) => p.field.startsWith('body.areaNames')) : [];
      if (listed.length > 0)
        form.setFields([
          {
            name: 'areaNames',
            errors: listed.map((p) => {
              const name = body.areaNames[Number(p.field.split('.')[2])];
              return name === undefined ? text(p.message) : t('network.station.areaNameInvalid', { name, message: text(p.message) });
            }),
          },
        ]);
    };
    if (station) {
      update.mutate(
        { id: station.id, ...body, version: station.version },
        {
          onSuccess: (saved) => {
            message.success(t('network.station.saved'));
            onSaved(saved.id);
          },
          onError: onSaveError,
        },
      );
    } else {
      create.mutate(
        { courtId, ...body },
        {
          onSuccess: (saved) => {
            message.success(t('network.station.created'));
            onSaved(saved.id);
          },
          onError: onSaveError,
        },
      );
    }
  };

  /** The same limits the API checks, named entry by entry, so the form says which name is wrong. */
  const areaNamesProblem = (names: string[]) => {
    const wrong = names.filter((n) => {
      const length = [...n].length;
      return length < AREA_NAME_MIN || length > AREA_NAME_MAX;
    });
    if (wrong.length > 0)
      return Promise.reject(
        new Error(
          wrong
            .map((name) => t('network.station.areaNameInvalid', { name, message: text(NETWORK_FIELD_ERRORS.area_name_length) }))
            .join(' '),
        ),
      );
    if (names.length > AREA_NAMES_MAX) return Promise.reject(new Error(text(NETWORK_FIELD_ERRORS.area_names_count)));
    return Promise.resolve();
  };
  const parents = stations.filter((s) => s.id !== station?.id);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={520}
      title={station ? t('network.station.edit') : t('network.station.create')}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="station-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="station-form">
        <Form.Item name="kind" label={t('network.station.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="station-kind" options={STATION_KINDS.map((k) => ({ value: k, label: text(STATION_KIND_NAMES[k]) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('network.station.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input data-testid="station-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('network.station.parent')}>
          <Select allowClear placeholder={t('network.station.noParent')} options={parents.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="address" label={t('network.station.address')} rules={[{ max: 200 }]}>
          <Input data-testid="station-address" />
        </Form.Item>
        <Form.Item
          name="areaNames"
          label={t('network.station.areaNames')}
          extra={t('network.station.areaNamesHelp')}
          normalize={(value: string[] | undefined) => normaliseAreaNames(value ?? [])}
          rules={[{ validator: (_, value: string[] | undefined) => areaNamesProblem(value ?? []) }]}
        >
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、', ';', '；']}
            placeholder={t('network.station.areaNamesPlaceholder')}
            data-testid="station-area-input"
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="lng" label={t('network.station.lng')} style={{ flex: 1 }}>
            <InputNumber min={73} max={136} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lat" label={t('network.station.lat')} style={{ flex: 1 }}>
            <InputNumber min={3} max={54} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="contactName" label={t('network.station.contactName')} style={{ flex: 1 }} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('network.station.contactPhone')}
            style={{ flex: 1 }}
            rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, message: text(FIELD_ERRORS.invalid_format) }]}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('network.station.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
