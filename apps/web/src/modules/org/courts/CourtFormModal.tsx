import {
  COURT_LEVEL_NAMES,
  COURT_LEVELS,
  type Court,
  type CourtLevel,
  checkCourtCode,
  FIELD_ERRORS,
  PARENT_LEVEL,
} from '@courtassist/contracts';
import { App, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useBilingual } from '../../../shared/lib/lang';
import { useCreateCourt, useUpdateCourt } from '../api/courts';
import { CourtLevelTag } from '../components/CourtLevelTag';
import { CourtTreeSelect } from '../components/CourtTreeSelect';
import { COURT_CODE_HINT_KEYS } from './courtCodeHint';

export type CourtModalState = { mode: 'create'; parent: Court | null } | { mode: 'edit'; id: number };

interface CourtFormModalProps {
  state: CourtModalState | null;
  courts: Court[];
  onClose: () => void;
  onSaved: (court: Court) => void;
}

interface FormValues {
  parentId: number | null;
  level: CourtLevel;
  name: string;
  code: string;
  address: string;
  jurisdiction: string;
}

/** The level a new court must have under the given parent (null: a root, i.e. a higher court). */
function childLevel(parent: Court | null): CourtLevel | null {
  return COURT_LEVELS.find((level) => PARENT_LEVEL[level] === (parent?.level ?? null)) ?? null;
}

/** Creates a court under a chosen parent, or edits a court's name, address and jurisdiction. */
export function CourtFormModal({ state, courts, onClose, onSaved }: CourtFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = useBilingual();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCourt();
  const update = useUpdateCourt();
  const onSaveError = useSaveErrorHandler();

  const editing = state?.mode === 'edit' ? (courts.find((c) => c.id === state.id) ?? null) : null;
  const parentId = Form.useWatch('parentId', form);
  const level = Form.useWatch('level', form);
  const parent = courts.find((c) => c.id === (editing ? editing.parentId : parentId)) ?? null;

  // Fill the form when it opens. In edit mode `editing` keeps its identity until the list brings a
  // changed court (TanStack Query shares unchanged data), e.g. the reload after a version conflict.
  useEffect(() => {
    if (editing) form.setFieldsValue({ name: editing.name, address: editing.address, jurisdiction: editing.jurisdiction });
  }, [editing, form]);

  useEffect(() => {
    if (state?.mode !== 'create') return;
    const initialParent = state.parent;
    form.setFieldsValue({
      parentId: initialParent?.id ?? null,
      level: childLevel(initialParent) ?? undefined,
      code: initialParent?.code ?? '',
    });
  }, [state, form]);

  const onParentChange = (id: number | null) => {
    const next = courts.find((c) => c.id === id) ?? null;
    const nextLevel = childLevel(next);
    form.setFieldsValue({ level: nextLevel ?? undefined, code: next?.code ?? '' });
    if (nextLevel) void form.validateFields(['code']).catch(() => undefined);
  };

  const disableParent = useCallback((court: Court) => court.level === 'tribunal', []);

  const submit = (values: FormValues) => {
    const done = (court: Court) => {
      message.success(t('common.saved'));
      onSaved(court);
      onClose();
    };
    if (editing) {
      update.mutate(
        {
          id: editing.id,
          name: values.name,
          address: values.address ?? '',
          jurisdiction: values.jurisdiction ?? '',
          version: editing.version,
        },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    } else {
      create.mutate(
        {
          parentId: values.parentId ?? null,
          level: values.level,
          name: values.name,
          code: values.code.trim(),
          address: values.address ?? '',
          jurisdiction: values.jurisdiction ?? '',
        },
        { onSuccess: done, onError: (error) => onSaveError(error, form) },
      );
    }
  };

  const allowedLevel = childLevel(parent);
  const hintLevel: CourtLevel | null = editing ? editing.level : (level ?? allowedLevel);

  return (
    <Modal
      open={!!state}
      title={editing ? t('org.court.editTitle', { name: editing.name }) : t('org.court.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        {editing ? (
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('org.court.parent')}>{parent?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('org.court.level')}>
              <CourtLevelTag level={editing.level} />
            </Descriptions.Item>
            <Descriptions.Item label={t('org.court.code')}>{editing.code}</Descriptions.Item>
            <Descriptions.Item label={t('common.version')}>{editing.version}</Descriptions.Item>
          </Descriptions>
        ) : (
          <>
            <Form.Item name="parentId" label={t('org.court.parent')} extra={t('org.court.parentHint')}>
              <CourtTreeSelect allowClear disableCourt={disableParent} onChange={onParentChange} placeholder={t('org.court.noParent')} />
            </Form.Item>
            <Form.Item name="level" label={t('org.court.level')} rules={[{ required: true, message: t('org.court.levelRequired') }]}>
              <Select<CourtLevel>
                options={COURT_LEVELS.map((l) => ({ value: l, label: pick(COURT_LEVEL_NAMES[l]), disabled: l !== allowedLevel }))}
                onChange={(l) => l === 'tribunal' && parent && form.setFieldValue('code', parent.code)}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('org.court.name')}
          rules={[{ required: true, whitespace: true, message: t('org.court.nameRequired') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="code"
            label={t('org.court.code')}
            dependencies={['level', 'parentId']}
            extra={hintLevel ? t(COURT_CODE_HINT_KEYS[hintLevel]) : undefined}
            rules={[
              { required: true, whitespace: true, message: t('org.court.codeRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  const lvl = getFieldValue('level') as CourtLevel | undefined;
                  if (!value || !lvl) return Promise.resolve();
                  const p = courts.find((c) => c.id === getFieldValue('parentId')) ?? null;
                  return checkCourtCode(lvl, value.trim(), p?.code ?? null)
                    ? Promise.resolve()
                    : Promise.reject(new Error(pick(FIELD_ERRORS.court_code)));
                },
              }),
            ]}
          >
            <Input maxLength={16} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('org.court.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="jurisdiction" label={t('org.court.jurisdiction')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
