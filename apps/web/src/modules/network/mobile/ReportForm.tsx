import { CameraOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ASSISTED_DELIVERY_OUTCOMES,
  DELIVERY_OUTCOME_NAMES,
  FINDING_KIND_NAMES,
  FINDING_KINDS,
  MEDIATION_RESULT_NAMES,
  MEDIATION_RESULTS,
  NETWORK_TASK_PHOTO_MAX_COUNT,
  type NetworkTaskDetail,
  type NetworkTaskReportContent,
  RISK_LEVEL_NAMES,
  RISK_LEVELS,
} from '@courtassist/contracts';
import { Alert, Button, DatePicker, Flex, Form, Image, Input, Radio, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../../shared/lib/lang';
import { TAP } from './common';
import { type CompressedPhoto, compressPhoto } from './photo';

interface Values {
  occurredOn: Dayjs;
  occurredTime: Dayjs;
  outcome?: string;
  receiver?: string;
  place?: string;
  note?: string;
  result?: string;
  findings?: { kind: string; text: string }[];
  attitude?: string;
  riskLevel?: string;
  parties?: string;
  summary?: string;
  venue?: string;
  notified?: string;
}

/** The report's structured content, by the task's kind. */
function contentOf(kind: NetworkTaskDetail['kind'], v: Values): NetworkTaskReportContent {
  const note = (v.note ?? '').trim();
  switch (kind) {
    case 'delivery':
      return {
        kind,
        outcome: v.outcome as (typeof ASSISTED_DELIVERY_OUTCOMES)[number],
        receiver: (v.receiver ?? '').trim(),
        place: (v.place ?? '').trim(),
        note,
      };
    case 'mediation':
      return { kind, result: v.result as (typeof MEDIATION_RESULTS)[number], note };
    case 'investigation':
      return {
        kind,
        findings: (v.findings ?? [])
          .filter((f) => f?.kind && f.text?.trim())
          .map((f) => ({ kind: f.kind as (typeof FINDING_KINDS)[number], text: f.text.trim() })),
        note,
      };
    case 'petition-risk':
      return { kind, attitude: (v.attitude ?? '').trim(), riskLevel: v.riskLevel as (typeof RISK_LEVELS)[number], note };
    case 'dispute-report':
      return { kind, parties: (v.parties ?? '').trim(), summary: (v.summary ?? '').trim(), place: (v.place ?? '').trim() };
    case 'circuit-liaison':
      return {
        kind,
        venue: (v.venue ?? '').trim(),
        notified: (v.notified ?? '')
          .split(/[\n,，、]/)
          .map((s) => s.trim())
          .filter(Boolean),
        note,
      };
  }
}

const big = { size: 'large' as const, style: { fontSize: 16 } };

/**
 * The report form on the phone, per kind: outcome, time, place, note and photos taken with the
 * camera (compressed here before they are kept). Answers the content, the moment and the photos.
 */
export function ReportForm({
  task,
  busy,
  onSubmit,
  onCancel,
}: {
  task: NetworkTaskDetail;
  busy: boolean;
  onSubmit: (report: { occurredAt: string; content: NetworkTaskReportContent; photos: CompressedPhoto[] }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<CompressedPhoto[]>([]);
  const [compressing, setCompressing] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const choice = (values: readonly string[], names: Record<string, { zh: string; en: string }>) => (
    <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {values.map((v) => (
        <Radio.Button key={v} value={v} style={{ height: 44, lineHeight: '42px', fontSize: 15, borderRadius: 6 }}>
          <span data-testid={`choice-${v}`}>{text(names[v])}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );

  const addPhotos = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setPhotoError(null);
    setCompressing(true);
    try {
      const room = NETWORK_TASK_PHOTO_MAX_COUNT - photos.length;
      const made = await Promise.all([...files].slice(0, room).map((f) => compressPhoto(f)));
      setPhotos((current) => [...current, ...made].slice(0, NETWORK_TASK_PHOTO_MAX_COUNT));
    } catch {
      setPhotoError(t('networkTasks.mobile.photoUnreadable'));
    } finally {
      setCompressing(false);
      if (input.current) input.current.value = '';
    }
  };

  const submit = (values: Values) => {
    const at = values.occurredOn.hour(values.occurredTime.hour()).minute(values.occurredTime.minute()).second(0).millisecond(0);
    // A time later today than now is a slip of the finger: now.
    const occurredAt = (at.isAfter(dayjs()) ? dayjs() : at).toISOString();
    onSubmit({ occurredAt, content: contentOf(task.kind, values), photos });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      data-testid="report-form"
      initialValues={{
        occurredOn: dayjs(),
        occurredTime: dayjs(),
        place: task.target.address ?? '',
        receiver: task.kind === 'delivery' ? (task.target.partyName ?? '') : '',
        findings: [{ kind: 'whereabouts', text: '' }],
      }}
    >
      {task.kind === 'delivery' && (
        <>
          <Form.Item name="outcome" label={t('networkTasks.content.outcome')} rules={[{ required: true, message: t('common.required') }]}>
            {choice(ASSISTED_DELIVERY_OUTCOMES, DELIVERY_OUTCOME_NAMES)}
          </Form.Item>
          <Form.Item name="receiver" label={t('networkTasks.content.receiver')}>
            <Input {...big} maxLength={50} data-testid="report-receiver" />
          </Form.Item>
          <Form.Item name="place" label={t('networkTasks.content.place')} rules={required}>
            <Input {...big} maxLength={200} data-testid="report-place" />
          </Form.Item>
        </>
      )}
      {task.kind === 'mediation' && (
        <Form.Item name="result" label={t('networkTasks.content.result')} rules={[{ required: true, message: t('common.required') }]}>
          {choice(MEDIATION_RESULTS, MEDIATION_RESULT_NAMES)}
        </Form.Item>
      )}
      {task.kind === 'investigation' && (
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              <Typography.Text>{t('networkTasks.content.findings')}</Typography.Text>
              {fields.map((field) => (
                <Flex key={field.key} vertical gap={6} style={{ background: '#fff', padding: 8, borderRadius: 6 }}>
                  <Flex gap={8}>
                    <Form.Item name={[field.name, 'kind']} noStyle>
                      <Select
                        size="large"
                        style={{ flex: 1 }}
                        options={FINDING_KINDS.map((k) => ({ value: k, label: text(FINDING_KIND_NAMES[k]) }))}
                        aria-label={t('networkTasks.content.findingKind')}
                      />
                    </Form.Item>
                    <Button
                      size="large"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('networkTasks.mobile.removePhoto')}
                      style={{ minWidth: 48 }}
                    />
                  </Flex>
                  <Form.Item name={[field.name, 'text']} noStyle>
                    <Input.TextArea rows={2} maxLength={500} style={{ fontSize: 16 }} aria-label={t('networkTasks.content.findingText')} />
                  </Form.Item>
                </Flex>
              ))}
              <Button block icon={<PlusOutlined />} style={TAP} onClick={() => add({ kind: 'whereabouts', text: '' })}>
                {t('networkTasks.mobile.addFinding')}
              </Button>
            </Flex>
          )}
        </Form.List>
      )}
      {task.kind === 'petition-risk' && (
        <>
          <Form.Item name="attitude" label={t('networkTasks.content.attitude')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} style={{ fontSize: 16 }} />
          </Form.Item>
          <Form.Item
            name="riskLevel"
            label={t('networkTasks.content.riskLevel')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            {choice(RISK_LEVELS, RISK_LEVEL_NAMES)}
          </Form.Item>
        </>
      )}
      {task.kind === 'dispute-report' && (
        <>
          <Form.Item name="parties" label={t('networkTasks.content.parties')} rules={required}>
            <Input {...big} maxLength={300} />
          </Form.Item>
          <Form.Item name="summary" label={t('networkTasks.content.summary')} rules={required}>
            <Input.TextArea rows={4} maxLength={1000} style={{ fontSize: 16 }} />
          </Form.Item>
          <Form.Item name="place" label={t('networkTasks.content.place')} rules={required}>
            <Input {...big} maxLength={200} />
          </Form.Item>
        </>
      )}
      {task.kind === 'circuit-liaison' && (
        <>
          <Form.Item name="venue" label={t('networkTasks.content.venue')} rules={required}>
            <Input {...big} maxLength={200} />
          </Form.Item>
          <Form.Item name="notified" label={t('networkTasks.content.notified')} rules={required}>
            <Input.TextArea rows={3} style={{ fontSize: 16 }} />
          </Form.Item>
        </>
      )}
      {task.kind !== 'dispute-report' && (
        <Form.Item name="note" label={t('networkTasks.content.note')} rules={task.kind === 'mediation' ? required : []}>
          <Input.TextArea rows={3} maxLength={1000} style={{ fontSize: 16 }} data-testid="report-note" />
        </Form.Item>
      )}
      <Form.Item label={t('networkTasks.mobile.occurredAt')} required style={{ marginBottom: 0 }}>
        <Flex gap={8}>
          <Form.Item name="occurredOn" rules={[{ required: true, message: t('common.required') }]} style={{ flex: 3 }}>
            <DatePicker
              size="large"
              inputReadOnly
              allowClear={false}
              format="YYYY-MM-DD"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
              data-testid="report-date"
            />
          </Form.Item>
          <Form.Item name="occurredTime" rules={[{ required: true, message: t('common.required') }]} style={{ flex: 2 }}>
            <TimePicker size="large" inputReadOnly allowClear={false} format="HH:mm" style={{ width: '100%' }} data-testid="report-clock" />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item label={t('networkTasks.mobile.photos')}>
        <Flex gap={8} wrap>
          {photos.map((p, i) => (
            <Flex key={p.dataUrl.slice(-24) + String(i)} vertical align="center" gap={4}>
              <Image src={p.dataUrl} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />
              <Button
                danger
                type="link"
                onClick={() => setPhotos((current) => current.filter((_, j) => j !== i))}
                style={{ minHeight: 44, width: 88 }}
              >
                {t('networkTasks.mobile.removePhoto')}
              </Button>
            </Flex>
          ))}
        </Flex>
        {photos.length < NETWORK_TASK_PHOTO_MAX_COUNT && (
          <Button
            block
            icon={<CameraOutlined />}
            style={{ ...TAP, marginTop: 8 }}
            loading={compressing}
            onClick={() => input.current?.click()}
            data-testid="report-add-photo"
          >
            {compressing ? t('networkTasks.mobile.compressing') : t('networkTasks.mobile.addPhoto')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          style={{ display: 'none' }}
          data-testid="report-photo-input"
          onChange={(e) => void addPhotos(e.target.files)}
        />
        {photoError && <Alert type="error" showIcon message={photoError} style={{ marginTop: 8 }} />}
      </Form.Item>
      <Flex vertical gap={8}>
        <Button type="primary" htmlType="submit" block style={TAP} loading={busy} disabled={compressing} data-testid="report-submit">
          {t('networkTasks.mobile.submit')}
        </Button>
        <Button block style={TAP} onClick={onCancel}>
          {t('networkTasks.mobile.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}
