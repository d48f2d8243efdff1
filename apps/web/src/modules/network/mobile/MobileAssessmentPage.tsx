import { ASSESSMENT_INDICATOR_NAMES, type AssessmentView } from '@courtassist/contracts';
import { Alert, App, Button, Card, Flex, Form, Input, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../../shared/api/client';
import { problemText } from '../../../shared/api/problem';
import { formatMoment } from '../../../shared/lib/format';
import { pickText, useBilingual, useLang } from '../../../shared/lib/lang';
import { bilingualPart } from '../assessment/AssessmentPage';
import { GradeTag, RunStateTag } from '../assessment/common';
import { useMyAssessment, useRaiseObjection } from './api';
import { TAP } from './common';
import { RecordPage, Row } from './listing';

/** The limits of an objection's reason, as the API checks them (raiseObjectionRequest). */
const REASON_MAX = 1000;

/**
 * One month of my assessment on the phone: score, grade and ranks, how each indicator scored,
 * bonus and deduction items, the judges' rating, my objections with the court's answers, and —
 * while the month is published and its objection period open — the form to object.
 */
export default function MobileAssessmentPage() {
  const id = Number(useParams().id);
  const query = useMyAssessment(id);
  return (
    <RecordPage id={id} query={query} backTo="/m/assessments" testId="mobile-assessment">
      {(a) => (
        <>
          <Summary assessment={a} />
          <Indicators assessment={a} />
          <Items assessment={a} />
          <Grade assessment={a} />
          <Objections assessment={a} />
        </>
      )}
    </RecordPage>
  );
}

function Summary({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" styles={{ body: { padding: 14 } }}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {a.month}
          </Typography.Title>
          <RunStateTag state={a.state} />
        </Flex>
        <Flex align="baseline" gap={10} wrap>
          <Typography.Text strong style={{ fontSize: 32, lineHeight: 1.1 }} data-testid="assessment-score">
            {a.score.toFixed(2)}
          </Typography.Text>
          <GradeTag grade={a.grade} />
          {a.replacement && <Tag color="red">{t('networkPhone.assessment.replacement')}</Tag>}
        </Flex>
        <Typography.Text>{t('networkPhone.assessment.courtRank', a.courtRank)}</Typography.Text>
        {a.stationRanks.map((s, i) => (
          <Typography.Text key={s.stationId} type="secondary">
            {t('networkPhone.assessment.stationRank', { station: a.stationNames[i] ?? '', rank: s.rank, of: s.of })}
          </Typography.Text>
        ))}
        {a.state === 'published' && a.objectionUntil && (
          <Typography.Text type="warning">{t('networkPhone.assessment.objectionUntil', { date: a.objectionUntil })}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function Indicators({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const text = useBilingual();
  return (
    <Card
      size="small"
      title={t('networkPhone.assessment.indicators')}
      styles={{ body: { padding: 12 } }}
      data-testid="assessment-indicators"
    >
      <Flex vertical gap={12}>
        {a.explanation.score.components.map((c) => (
          <Flex key={c.indicator} vertical gap={2}>
            <Row label={text(ASSESSMENT_INDICATOR_NAMES[c.indicator])}>
              {t('networkPhone.assessment.indicatorPoints', { points: c.points.toFixed(2), weight: c.effectiveWeight.toFixed(2) })}
            </Row>
            <Progress
              percent={c.effectiveWeight > 0 ? Math.round((c.points / c.effectiveWeight) * 100) : 0}
              showInfo={false}
              size="small"
              strokeColor="#a8071a"
            />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {c.raw === null ? t('networkPhone.assessment.noData') : bilingualPart(c.detail, text)}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function Items({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const score = a.explanation.score;
  const quality = score.components.find((c) => c.indicator === 'quality');
  return (
    <>
      <Card size="small" title={t('networkPhone.assessment.rating')} styles={{ body: { padding: 12 } }} data-testid="assessment-rating">
        <Typography.Text style={{ fontSize: 15 }}>
          {!quality?.raw || quality.raw.denominator === 0
            ? t('networkPhone.assessment.noRating')
            : // The quality indicator's raw figure is the sum of the month's ratings over their number.
              t('networkPhone.assessment.ratingAverage', {
                average: (quality.raw.numerator / quality.raw.denominator).toFixed(2),
                count: quality.raw.denominator,
              })}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('networkPhone.assessment.items')} styles={{ body: { padding: 12 } }} data-testid="assessment-items">
        {score.items.length === 0 ? (
          <Typography.Text type="secondary">{t('networkPhone.assessment.noItems')}</Typography.Text>
        ) : (
          <Flex vertical gap={6}>
            {score.items.map((item) => (
              <Typography.Text key={item.code} style={{ fontSize: 15 }}>
                <Tag color={item.points >= 0 ? 'green' : 'red'}>{item.points >= 0 ? `+${item.points}` : item.points}</Tag>
                {bilingualPart(item.detail, text)}
              </Typography.Text>
            ))}
            <Typography.Text type="secondary">
              {t('networkPhone.assessment.bonus', { points: score.bonus })} ·{' '}
              {t('networkPhone.assessment.deduction', { points: score.deduction })}
            </Typography.Text>
          </Flex>
        )}
      </Card>
    </>
  );
}

function Grade({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { grade, replacement } = a.explanation;
  return (
    <Card size="small" title={t('networkPhone.assessment.grade')} styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={6}>
        <Typography.Text style={{ fontSize: 15 }}>{bilingualPart(grade.detail, text)}</Typography.Text>
        {grade.training.requiredHours > 0 && (
          <Typography.Text type={grade.training.short ? 'danger' : 'secondary'}>
            {t(grade.training.short ? 'networkPhone.assessment.trainingShort' : 'networkPhone.assessment.training', {
              actual: grade.training.actualHours,
              required: grade.training.requiredHours,
            })}
          </Typography.Text>
        )}
        {replacement.recommended && <Typography.Text type="danger">{bilingualPart(replacement.detail, text)}</Typography.Text>}
      </Flex>
    </Card>
  );
}

function Objections({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const waiting = a.objections.some((o) => o.answer === null);
  return (
    <Card
      size="small"
      title={t('networkPhone.assessment.objections')}
      styles={{ body: { padding: 12 } }}
      data-testid="assessment-objections"
    >
      <Flex vertical gap={12}>
        {a.objections.length === 0 && <Typography.Text type="secondary">{t('networkPhone.assessment.noObjection')}</Typography.Text>}
        {a.objections.map((o) => (
          <Flex
            key={o.id}
            vertical
            gap={4}
            data-testid="assessment-objection"
            style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 10 }}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('networkPhone.assessment.raisedAt', { at: formatMoment(o.raisedAt) })}
              </Typography.Text>
              <Tag color={o.answer === null ? 'gold' : 'green'} style={{ marginInlineEnd: 0 }} data-testid="objection-status">
                {o.answer === null ? t('networkPhone.assessment.awaitingAnswer') : t('networkPhone.assessment.answered')}
              </Tag>
            </Flex>
            <Typography.Paragraph style={{ margin: 0, fontSize: 15, whiteSpace: 'pre-wrap' }}>{o.reason}</Typography.Paragraph>
            {o.answer !== null && (
              <Alert
                type="success"
                message={t('networkPhone.assessment.answerBy', { name: o.answeredByName ?? '', at: formatMoment(o.answeredAt) })}
                description={o.answer}
              />
            )}
          </Flex>
        ))}
        {a.state === 'final' && a.objectionUntil && (
          <Typography.Text type="secondary">{t('networkPhone.assessment.closedNote', { date: a.objectionUntil })}</Typography.Text>
        )}
        {a.state === 'published' && waiting && <Alert type="info" showIcon message={t('networkPhone.assessment.pendingNote')} />}
        {a.state === 'published' && !waiting && <ObjectionForm assessment={a} />}
      </Flex>
    </Card>
  );
}

function ObjectionForm({ assessment: a }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const raise = useRaiseObjection(a.id);

  // Every refusal of the server (too short, period over, an objection already waiting) belongs to
  // the one field the assistant can act on: shown under the reason, in the reader's language.
  const showRefusal = (error: unknown) => {
    const problems = error instanceof ApiError ? (error.problem.errors ?? []) : [];
    const errors = problems.length > 0 ? problems.map((p) => pickText(lang, p.message)) : [problemText(error, lang)];
    form.setFields([{ name: 'reason', errors }]);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ reason }) =>
        raise.mutate(reason ?? '', {
          onSuccess: () => {
            form.resetFields();
            message.success(t('networkPhone.assessment.submitted'));
          },
          onError: showRefusal,
        })
      }
    >
      <Form.Item
        name="reason"
        label={<span style={{ fontSize: 16 }}>{t('networkPhone.assessment.objectTitle')}</span>}
        extra={t('networkPhone.assessment.reasonHelp', { date: a.objectionUntil ?? '' })}
      >
        <Input.TextArea
          rows={4}
          maxLength={REASON_MAX}
          placeholder={t('networkPhone.assessment.reasonPlaceholder')}
          style={{ fontSize: 16 }}
          aria-label={t('networkPhone.assessment.reason')}
          data-testid="objection-reason"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block style={TAP} loading={raise.isPending} data-testid="objection-submit">
        {t('networkPhone.assessment.submit')}
      </Button>
    </Form>
  );
}
