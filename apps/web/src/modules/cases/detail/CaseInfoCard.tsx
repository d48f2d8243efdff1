import type { CaseDetail } from '@courtassist/contracts';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/lib/lang';
import { useCaseTypes } from '../api';
import { caseTypeName, causeTrail, closureName, limitText } from '../labels';

/** 案件信息: court, type, procedure, cause, filing, claim, the trial team and the panel. */
export function CaseInfoCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const types = useCaseTypes();
  const procedure = types.data?.items.find((x) => x.code === detail.caseTypeCode)?.procedures.find((p) => p.code === detail.procedureCode);
  const person = (name: string | null) => name ?? <Typography.Text type="secondary">{t('cases.detail.notAssigned')}</Typography.Text>;
  const amount = detail.claimAmount
    ? `${Number(detail.claimAmount).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${t('cases.file.yuan')}`
    : '—';

  return (
    <Card title={t('cases.detail.info')} style={{ marginBottom: 16 }} data-testid="case-info">
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        bordered
        size="small"
        styles={{ label: { whiteSpace: 'nowrap', width: 100 } }}
      >
        <Descriptions.Item label={t('org.court.label')}>{detail.courtName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.caseType')}>
          {detail.caseTypeCode} · {caseTypeName(detail.caseTypeCode, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.procedure')}>
          {procedure ? `${lang === 'en' ? procedure.nameEn : procedure.nameZh}（${limitText(t, procedure)}）` : detail.procedureCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.cause')}>{detail.causeCode ? causeTrail(detail.causeCode, lang) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.filedOn')}>{detail.filedOn}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.claimAmount')}>{amount}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.department')}>{detail.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.judge')}>
          <span data-testid="case-judge">{person(detail.judgeName)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.assistant')}>{person(detail.assistantName)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.clerk')}>{person(detail.clerkName)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.panel')} span={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
          {detail.collegial && detail.panel.length > 0 ? (
            <Space size={[0, 4]} wrap>
              {detail.panel.map((m) => (
                <Tag key={m.userId} color={m.role === 'presiding' ? 'red' : undefined}>
                  {m.name}
                  {m.role === 'presiding' ? `（${t('cases.panel.presiding')}）` : ''}
                </Tag>
              ))}
            </Space>
          ) : (
            t('cases.panel.single')
          )}
        </Descriptions.Item>
        {detail.closedOn && (
          <Descriptions.Item label={t('cases.field.closedOn')}>
            {detail.closedOn}
            {detail.closureMethod && <Tag style={{ marginInlineStart: 8 }}>{closureName(detail.closureMethod, lang)}</Tag>}
          </Descriptions.Item>
        )}
        {detail.archivedOn && <Descriptions.Item label={t('cases.field.archivedOn')}>{detail.archivedOn}</Descriptions.Item>}
        <Descriptions.Item label={t('cases.field.summary')} span={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{detail.summary || '—'}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
