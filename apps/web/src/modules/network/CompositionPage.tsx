import { AGE_BANDS, ASSISTANT_STATUS_NAMES, type CompositionView, EDUCATION_NAMES, type EducationLevel } from '@courtassist/contracts';
import { Alert, Card, Col, Row, Select, Statistic, theme } from 'antd';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/components/Page';
import { useBilingual } from '../../shared/lib/lang';
import { useUrlNumbers } from '../../shared/lib/useUrlNumbers';
import { CourtTreeSelect } from '../org';
import { useComposition, useStations } from './api';
import { useCourtParam } from './common';

const Chart = lazy(() => import('./Chart'));

const percent = (share: number) => Math.round(share * 1000) / 10;

/** 队伍结构: official versus other categories, age and education profile, statuses — with a warning above the threshold. */
export default function CompositionPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const { token } = theme.useToken();
  const [courtId, setCourtId] = useCourtParam();
  const [{ stationId }, setUrl] = useUrlNumbers('stationId');
  const stations = useStations(courtId);
  const composition = useComposition(courtId, stationId);
  const c = composition.data;

  const charts = useMemo(() => (c ? chartOptions(c, t, text, token) : null), [c, t, text, token]);

  return (
    <Page
      testId="network-composition-page"
      title={t('network.composition.title')}
      description={t('network.composition.description')}
      extra={
        <>
          <CourtTreeSelect
            style={{ width: 280 }}
            value={courtId ?? null}
            onChange={(value) => {
              setUrl({ stationId: null });
              setCourtId(value);
            }}
          />
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('network.composition.allStations')}
            value={stationId}
            onChange={(value) => setUrl({ stationId: value ?? null })}
            showSearch
            optionFilterProp="label"
            options={[
              ...(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
              // A station linked to from elsewhere may belong to a court below the one chosen.
              ...(c?.stations ?? [])
                .filter((s) => s.id === stationId && !stations.data?.items.some((x) => x.id === s.id))
                .map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        </>
      }
    >
      {c?.warning && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="composition-warning"
          message={t('network.composition.warning', { percent: percent(c.officialShare), threshold: percent(c.threshold) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={!c}>
            <div data-testid="composition-total">
              <Statistic title={t('network.composition.total')} value={c?.total ?? 0} />
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!c}>
            <Statistic title={t('network.composition.official')} value={c?.official ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!c}>
            <Statistic
              title={t('network.composition.officialShare')}
              value={c ? percent(c.officialShare) : 0}
              suffix="%"
              valueStyle={{ color: c?.warning ? token.colorWarning : undefined }}
              data-testid="composition-share"
            />
            {c && (
              <span style={{ color: token.colorTextSecondary }}>
                {t('network.composition.threshold', { percent: percent(c.threshold) })}
              </span>
            )}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!c}>
            <Statistic
              title={t('network.composition.statuses')}
              value={(c?.statuses ?? []).map((s) => `${text(ASSISTANT_STATUS_NAMES[s.key])} ${s.count}`).join(' / ') || '—'}
              valueStyle={{ fontSize: 16 }}
            />
          </Card>
        </Col>
        {charts && (
          <Suspense fallback={null}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('network.composition.officialShare')}>
                <Chart
                  option={charts.split}
                  label={t('network.composition.chartLabel', { title: t('network.composition.officialShare'), count: 2 })}
                  testId="composition-pie"
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('network.composition.byCategory')}>
                <Chart
                  option={charts.categories}
                  label={t('network.composition.chartLabel', {
                    title: t('network.composition.byCategory'),
                    count: c?.byCategory.length ?? 0,
                  })}
                  testId="composition-categories"
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('network.composition.ageBands')}>
                <Chart
                  option={charts.ages}
                  label={t('network.composition.chartLabel', { title: t('network.composition.ageBands'), count: c?.ageBands.length ?? 0 })}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('network.composition.education')}>
                <Chart
                  option={charts.education}
                  label={t('network.composition.chartLabel', {
                    title: t('network.composition.education'),
                    count: c?.education.length ?? 0,
                  })}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card
                size="small"
                title={stationId || (c?.courts.length ?? 0) <= 1 ? t('network.composition.stations') : t('network.composition.courts')}
              >
                <Chart
                  option={charts.shares}
                  height={Math.max(200, (charts.shareCount ?? 0) * 30 + 60)}
                  label={t('network.composition.chartLabel', { title: t('network.composition.stations'), count: charts.shareCount })}
                  testId="composition-shares"
                />
              </Card>
            </Col>
          </Suspense>
        )}
      </Row>
    </Page>
  );
}

type T = TFunction;

function chartOptions(
  c: CompositionView,
  t: T,
  text: (v: { zh: string; en: string }) => string,
  token: ReturnType<typeof theme.useToken>['token'],
) {
  const official = token.colorPrimary;
  const other = '#9254de';
  const split = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '60%'],
        label: { formatter: '{b}\n{d}%', overflow: 'none' },
        data: [
          { name: t('network.composition.official'), value: c.official, itemStyle: { color: official } },
          { name: t('network.composition.others'), value: c.total - c.official, itemStyle: { color: other } },
        ],
      },
    ],
  };
  const categories = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: c.byCategory.map((k) => text({ zh: k.nameZh, en: k.nameEn })),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: 'top' },
        data: c.byCategory.map((k) => ({ value: k.count, itemStyle: { color: k.official ? official : other } })),
      },
    ],
  };
  const ageKeys = [...AGE_BANDS.map((b) => b.code as string), 'unknown'];
  const ageName = (key: string) => {
    const band = AGE_BANDS.find((b) => b.code === key);
    return band ? text(band) : t('network.composition.unknown');
  };
  const ages = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: '65%',
        data: ageKeys
          .map((key) => ({ name: ageName(key), value: c.ageBands.find((b) => b.key === key)?.count ?? 0 }))
          .filter((d) => d.value > 0),
      },
    ],
  };
  const educationKeys = [...Object.keys(EDUCATION_NAMES), 'unknown'];
  const education = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: educationKeys.map((k) => (k === 'unknown' ? t('network.composition.unknown') : text(EDUCATION_NAMES[k as EducationLevel]))),
      axisLabel: { interval: 0, rotate: 20 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: 'top' },
        itemStyle: { color: token.colorInfo },
        data: educationKeys.map((k) => c.education.find((e) => e.key === k)?.count ?? 0),
      },
    ],
  };
  const rows = (c.courts.length > 1 ? c.courts : c.stations).slice().reverse();
  const shares = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? 0];
        return row ? `${row.name}<br/>${percent(row.officialShare)}% (${row.official} / ${row.total})` : '';
      },
    },
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: rows.map((r) => ({ value: percent(r.officialShare), itemStyle: { color: r.warning ? token.colorWarning : official } })),
        markLine: {
          symbol: 'none',
          lineStyle: { color: token.colorError, type: 'dashed' },
          label: { formatter: `${percent(c.threshold)}%` },
          data: [{ xAxis: percent(c.threshold) }],
        },
      },
    ],
  };
  return { split, categories, ages, education, shares, shareCount: rows.length };
}
