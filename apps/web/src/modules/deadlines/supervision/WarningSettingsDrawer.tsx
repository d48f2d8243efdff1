import { WARNING_BANDS, type WarningSettingView } from '@courtassist/contracts';
import { Alert, App, Button, Drawer, Flex, Form, InputNumber, Select, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useLang } from '../../../shared/lib/lang';
import { useMe } from '../../auth';
import { CourtTreeSelect } from '../../org';
import { usePutWarningSetting, useWarningSettings } from './api';
import { bandName, LEVEL_HEX } from './levels';

interface FormValues {
  thresholds: (number | null)[];
  escalateHeadAt: number | null;
  escalatePresidentWhenOverdue: boolean;
}

/** `default` for the province default, otherwise a court's id. */
type ScopeKey = 'default' | number;

const keyOf = (s: WarningSettingView): ScopeKey => s.courtId ?? 'default';

function strictlyDescending(values: (number | null)[]): boolean {
  return values.every((d, i) => i === 0 || (d !== null && values[i - 1] !== null && d < (values[i - 1] as number)));
}

/**
 * 预警设置 (warning.manage): the province default and the courts' own thresholds. A court without
 * its own setting starts from the default's values; saving applies the new levels at once.
 */
export function WarningSettingsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const settings = useWarningSettings(open);
  const save = usePutWarningSetting();
  const onSaveError = useSaveErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const [selected, setSelected] = useState<ScopeKey>('default');
  const [added, setAdded] = useState<{ id: number; name: string } | null>(null);

  const items = useMemo(() => settings.data?.items ?? [], [settings.data]);
  // A court chosen with "add" has no stored setting yet: it starts from the default (version 0).
  const current = useMemo((): WarningSettingView | undefined => {
    const stored = items.find((s) => keyOf(s) === selected);
    if (stored) return stored;
    const fallback = items.find((s) => s.courtId === null);
    return added && selected === added.id && fallback ? { ...fallback, courtId: added.id, courtName: added.name, version: 0 } : undefined;
  }, [items, selected, added]);
  // Only an administrator of the higher court (the root of the tree) sets the province default.
  const readOnly = current?.courtId === null && me.data?.court.level !== 'higher';

  // The form shows the chosen setting, again whenever it is stored anew (saved, or reloaded after a conflict).
  useEffect(() => {
    if (!current) return;
    form.resetFields();
    form.setFieldsValue({
      thresholds: current.thresholds,
      escalateHeadAt: current.escalateHeadAt,
      escalatePresidentWhenOverdue: current.escalatePresidentWhenOverdue,
    });
  }, [current, form]);

  const options = useMemo(() => {
    const stored = items.map((s) => ({
      value: keyOf(s),
      label:
        s.courtId === null ? t('supervision.settings.provinceDefault') : t('supervision.settings.courtSetting', { court: s.courtName }),
    }));
    if (added && !items.some((s) => s.courtId === added.id)) {
      stored.push({ value: added.id, label: t('supervision.settings.courtSetting', { court: added.name }) });
    }
    return stored;
  }, [items, added, t]);

  const submit = (values: FormValues) => {
    if (!current) return;
    save.mutate(
      {
        courtId: current.courtId,
        thresholds: values.thresholds as number[],
        escalateHeadAt: values.escalateHeadAt as number,
        escalatePresidentWhenOverdue: values.escalatePresidentWhenOverdue,
        version: current.version,
      },
      { onSuccess: () => message.success(t('supervision.settings.saved')), onError: (error) => onSaveError(error, form) },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={520}
      title={t('supervision.settings.title')}
      data-testid="warning-settings"
      extra={
        <Button
          type="primary"
          onClick={() => form.submit()}
          loading={save.isPending}
          disabled={!current || readOnly}
          data-testid="settings-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      {settings.isError && <Alert type="error" showIcon message={problemText(settings.error, lang)} style={{ marginBottom: 16 }} />}
      {settings.isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            <Typography.Text strong>{t('supervision.settings.scope')}</Typography.Text>
            <Select<ScopeKey> value={selected} options={options} onChange={setSelected} data-testid="settings-scope" />
            <CourtTreeSelect
              value={null}
              placeholder={t('supervision.settings.addCourt')}
              disableCourt={(court) => items.some((s) => s.courtId === court.id)}
              onSelect={(courtId, node) => {
                if (courtId === null) return;
                setAdded({ id: courtId, name: String(node.title) });
                setSelected(courtId);
              }}
            />
            {current && (
              <Typography.Text type="secondary">
                {current.version === 0
                  ? t('supervision.settings.builtIn')
                  : t('supervision.settings.version', { version: current.version })}
              </Typography.Text>
            )}
          </Flex>
          <Form<FormValues> form={form} layout="vertical" onFinish={submit} disabled={readOnly}>
            <Form.List
              name="thresholds"
              rules={[
                {
                  validator: async (_, values: (number | null)[] = []) => {
                    if (!strictlyDescending(values)) throw new Error(t('supervision.settings.descending'));
                  },
                },
              ]}
            >
              {(fields, _ops, { errors }) => (
                <Form.Item label={t('supervision.settings.thresholds')} extra={t('supervision.settings.thresholdsHint')}>
                  <Flex gap={8} wrap>
                    {fields.map((field, i) => {
                      const band = WARNING_BANDS[i];
                      return (
                        <Form.Item
                          key={field.key}
                          name={field.name}
                          label={<span style={{ color: LEVEL_HEX[band] }}>{bandName(band, lang)}</span>}
                          rules={[{ required: true, message: t('supervision.settings.thresholdRequired') }]}
                          style={{ marginBottom: 0 }}
                        >
                          <InputNumber
                            min={0}
                            max={365}
                            precision={0}
                            suffix={t('supervision.settings.days')}
                            style={{ width: 100 }}
                            data-testid={`settings-threshold-${i}`}
                          />
                        </Form.Item>
                      );
                    })}
                  </Flex>
                  <Form.ErrorList errors={errors} />
                </Form.Item>
              )}
            </Form.List>
            <Form.Item
              name="escalateHeadAt"
              label={t('supervision.settings.escalateHeadAt')}
              extra={t('supervision.settings.escalateHeadAtHint')}
              rules={[{ required: true, message: t('supervision.settings.thresholdRequired') }]}
            >
              <InputNumber min={0} max={365} precision={0} suffix={t('supervision.settings.days')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="escalatePresidentWhenOverdue" label={t('supervision.settings.escalatePresident')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
