import { Alert, Button, Card, Descriptions, Form, Input, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { caseStateLabel, deliveryMethodLabels } from '../../shared/cases/labels';
import { ProgressView } from '../../shared/contracts/cases';
import { ApiError, api } from '../api/client';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { PublicShell } from './guides/PublicShell';

const m = defineMessages({
  title: { zh: '办件进度查询', en: 'Track your application' },
  intro: {
    zh: '输入受理通知书上的办件编号和申请时登记的手机号码。',
    en: 'Enter the case number on your notice and the phone number you gave when applying.',
  },
  number: { zh: '办件编号', en: 'Case number' },
  phone: { zh: '手机号码', en: 'Phone number' },
  search: { zh: '查询', en: 'Look up' },
  state: { zh: '当前状态', en: 'State' },
  remaining: { zh: '剩余工作日', en: 'Working days left' },
  days: { zh: '{n} 个工作日（预计 {date} 前办结）', en: '{n} working days (due by {date})' },
  pickup: { zh: '领取方式', en: 'Pickup' },
  ready: { zh: '可以领取', en: 'Ready for pickup' },
  notReady: { zh: '尚不能领取', en: 'Not ready yet' },
  place: { zh: '领取地点', en: 'Where' },
  stages: { zh: '办理进度', en: 'Progress' },
  notFound: { zh: '未找到：请核对办件编号和手机号码', en: 'Not found: check the number and the phone' },
});

/** Public: state, remaining working days and pickup of one case — nothing else personal. */
export default function ProgressPage() {
  const t = useT();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const [view, setView] = useState<ProgressView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const look = async (v: { number: string; phone: string }) => {
    setError(null);
    try {
      setView(
        await api('GET', `/public/cases/${encodeURIComponent(v.number.trim())}`, {
          query: { phone: v.phone.trim() },
          schema: ProgressView,
        }),
      );
    } catch (e) {
      setView(null);
      setError(
        e instanceof ApiError && e.status === 404
          ? t(m.notFound)
          : e instanceof Error
            ? e.message
            : String(e),
      );
    }
  };
  return (
    <PublicShell>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t(m.title)}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
        <Card>
          <Form
            layout="inline"
            name="progress"
            initialValues={{ number: params.get('number') ?? '' }}
            onFinish={(v: { number: string; phone: string }) => void look(v)}
          >
            <Form.Item name="number" label={t(m.number)} rules={[{ required: true }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="phone" label={t(m.phone)} rules={[{ required: true }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t(m.search)}
            </Button>
          </Form>
        </Card>
        {error && <Alert type="warning" showIcon title={error} />}
        {view && (
          <Card title={`${view.number} · ${view.itemName}`} data-testid="progress-result">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t(m.state)}>
                <Tag color="blue" data-testid="progress-state">
                  {t(caseStateLabel(view.status, view.outcome))}
                </Tag>
              </Descriptions.Item>
              {view.remainingWorkingDays !== null && (
                <Descriptions.Item label={t(m.remaining)}>
                  {t(m.days, { n: view.remainingWorkingDays, date: view.dueDate ?? '' })}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t(m.pickup)}>
                <Tag color={view.pickup.ready ? 'green' : 'default'}>
                  {t(view.pickup.ready ? m.ready : m.notReady)}
                </Tag>
                {view.pickup.method ? t(deliveryMethodLabels[view.pickup.method]) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.place)}>{view.pickup.place}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t(m.stages)}</Typography.Title>
            <Steps
              direction="vertical"
              size="small"
              current={view.stages.length - 1}
              data-testid="progress-stages"
              items={view.stages.map((s) => ({
                title: t(s.label),
                description: time.format(new Date(s.at)),
              }))}
            />
          </Card>
        )}
      </Space>
    </PublicShell>
  );
}
