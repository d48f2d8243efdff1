import type { CalendarDay, FieldProblem } from '@courtassist/contracts';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { pickText, useLang } from '../../shared/lib/lang';
import { useImportCalendar } from './api';

interface ImportModalProps {
  open: boolean;
  year: number;
  /** The year's current entries, to start from. */
  days: CalendarDay[];
  onClose: () => void;
}

interface FormValues {
  text: string;
  replace: boolean;
}

/** The text format of an import: one `date kind name` line per day. */
export function calendarText(days: readonly CalendarDay[]): string {
  return days.map((d) => `${d.day} ${d.kind} ${d.name}`).join('\n');
}

/** `body.text.line12` → 12; other fields → null. */
function lineOf(field: string): number | null {
  const match = /^body\.text\.line(\d+)$/.exec(field);
  return match ? Number(match[1]) : null;
}

/** Pastes a year's arrangement as text; any bad line is shown with its number and nothing is imported. */
export function ImportModal({ open, year, days, onClose }: ImportModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = useLang();
  const [form] = Form.useForm<FormValues>();
  const importCalendar = useImportCalendar();
  const showProblem = useProblemHandler();
  const [problems, setProblems] = useState<{ lines: string[]; errors: FieldProblem[] } | null>(null);

  const close = () => {
    setProblems(null);
    onClose();
  };

  const submit = ({ text, replace }: FormValues) => {
    setProblems(null);
    importCalendar.mutate(
      { year, text, replace: !!replace },
      {
        onSuccess: (result) => {
          message.success(t('calendar.imported', { ...result }), 6);
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem.errors?.length) {
            setProblems({ lines: text.split(/\r\n|\r|\n/), errors: error.problem.errors });
          } else {
            showProblem(error);
          }
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('calendar.importTitle', { year })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('calendar.import')}
      confirmLoading={importCalendar.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ replace: false }}>
        <Typography.Paragraph type="secondary">{t('calendar.importHint', { year })}</Typography.Paragraph>
        <Form.Item
          name="text"
          label={
            <Flex gap={8} align="center">
              {t('calendar.importText')}
              <Button size="small" onClick={() => form.setFieldsValue({ text: calendarText(days) })} data-testid="calendar-import-fill">
                {t('calendar.importFill')}
              </Button>
            </Flex>
          }
          rules={[{ required: true, whitespace: true, message: t('calendar.importRequired') }]}
        >
          <Input.TextArea
            rows={14}
            spellCheck={false}
            placeholder={`${year}-10-01 holiday 国庆节\n${year}-09-20 workday 国庆节调休`}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            data-testid="calendar-import-text"
          />
        </Form.Item>
        <Form.Item name="replace" valuePropName="checked">
          <Checkbox data-testid="calendar-import-replace">{t('calendar.importReplace', { year })}</Checkbox>
        </Form.Item>
      </Form>
      {problems && (
        <Alert
          type="error"
          showIcon
          data-testid="calendar-import-errors"
          message={t('calendar.importErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflow: 'auto' }}>
              {problems.errors.map((e) => {
                const line = lineOf(e.field);
                return (
                  <li key={`${e.field}-${e.code}`}>
                    {line !== null && <Typography.Text strong>{t('calendar.importLine', { line })}</Typography.Text>}
                    {pickText(lang, e.message)}
                    {line !== null && problems.lines[line - 1] !== undefined && (
                      <>
                        {' '}
                        <Typography.Text code>{problems.lines[line - 1].trim()}</Typography.Text>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
