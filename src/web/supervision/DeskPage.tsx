import { App as AntApp, Button, Card, Col, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import { OrderView, SummaryView, SweepResult } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useT } from '../i18n/i18n';
import { CardsTable } from './CardsTable';
import { OrdersTable } from './OrdersTable';
import { FiveDayList, GroupTables, PausesList } from './WatchLists';
import { sm, usePoll } from './supervision-ui';

const m = defineMessages({
  sweep: { zh: '立即扫描', en: 'Sweep now' },
  swept: {
    zh: '扫描 {n} 件，新发信号 {issued} 条，解除 {cleared} 条，督办升级 {escalated} 件',
    en: '{n} cases swept, {issued} cards issued, {cleared} cleared, {escalated} orders escalated',
  },
  export: { zh: '导出 Excel', en: 'Export to Excel' },
  cards: { zh: '监察信号', en: 'Cards' },
  groups: { zh: '分组统计', en: 'By department / window / officer' },
  pauses: { zh: '特别程序', en: 'Special procedures' },
  fiveDay: { zh: '5日受理', en: 'Five-day watch' },
  pausesOverrun: { zh: '特别程序超期', en: 'Pauses overrun' },
  openPauses: { zh: '在途特别程序', en: 'Open pauses' },
  fiveDayNear: { zh: '5日受理预警', en: 'Five-day alerts' },
  ordersOpen: { zh: '督办未办结', en: 'Open orders' },
  ordersOverdue: { zh: '督办逾期', en: 'Overdue orders' },
});

/**
 * The supervision desk (电子监察台): live counts and lists of warnings and cards, open special
 * procedures, cases near the 5-day limit and supervision orders, refreshed every 15 seconds.
 */
export default function DeskPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const [centerId, setCenterId] = useState<string>();
  const [tick, setTick] = useState(0);
  const summary = useApi(
    () =>
      centerId
        ? api('GET', '/supervision/summary', { query: { centerId }, schema: SummaryView })
        : Promise.resolve(undefined),
    [centerId, tick],
  );
  const orders = useApi(
    () =>
      api('GET', '/supervision/orders', {
        query: { centerId, status: 'active' },
        schema: z.array(OrderView),
      }),
    [centerId, tick],
  );
  const refresh = useCallback(() => setTick((x) => x + 1), []);
  usePoll(refresh);
  const [sweeping, setSweeping] = useState(false);
  const sweep = async () => {
    setSweeping(true);
    try {
      const r = await api('POST', '/supervision/sweep', { body: { centerId }, schema: SweepResult });
      void message.success(
        t(m.swept, { n: r.evaluated, issued: r.issued, cleared: r.cleared, escalated: r.escalated }),
      );
      refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSweeping(false);
    }
  };
  const s = summary.data;
  const stat = (title: string, value: number | undefined, color: string, testId: string) => (
    <Col xs={12} md={8} lg={4}>
      <Card size="small">
        <Statistic title={title} value={value ?? 0} valueStyle={{ color }} data-testid={testId} />
      </Card>
    </Col>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t(sm.desk)}
          </Typography.Title>
          <Typography.Text type="secondary">{t(sm.refreshEvery)}</Typography.Text>
        </Space>
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          {hasRole('supervisor', 'admin') && (
            <Button
              onClick={() => void sweep()}
              loading={sweeping}
              disabled={!centerId}
              data-testid="sweep-now"
            >
              {t(m.sweep)}
            </Button>
          )}
          <Button
            href={centerId ? `/api/supervision/export.xlsx?centerId=${centerId}` : undefined}
            disabled={!centerId}
          >
            {t(m.export)}
          </Button>
        </Space>
      </Space>
      <Row gutter={[12, 12]}>
        {stat(t(sm.red), s?.open.red, '#cf1322', 'count-red')}
        {stat(t(sm.yellow), s?.open.yellow, '#d48806', 'count-yellow')}
        {stat(t(sm.warning), s?.open.warning, '#1677ff', 'count-warning')}
        {stat(t(m.pausesOverrun), s?.pausesOverrun, '#cf1322', 'count-pauses-overrun')}
        {stat(t(m.fiveDayNear), s?.fiveDayNear, '#d48806', 'count-five-day')}
        {stat(t(m.ordersOverdue), s?.ordersOverdue, '#cf1322', 'count-orders-overdue')}
      </Row>
      <Tabs
        items={[
          {
            key: 'cards',
            label: t(m.cards),
            children: <CardsTable centerId={centerId} refreshKey={tick} onChange={refresh} />,
          },
          { key: 'groups', label: t(m.groups), children: <GroupTables summary={s} /> },
          {
            key: 'pauses',
            label: `${t(m.pauses)} (${s?.openPauses ?? 0})`,
            children: <PausesList centerId={centerId} refreshKey={tick} />,
          },
          {
            key: 'five',
            label: t(m.fiveDay),
            children: <FiveDayList centerId={centerId} refreshKey={tick} />,
          },
          {
            key: 'orders',
            label: `${t(sm.orders)} (${s?.ordersOpen ?? 0})`,
            children: <OrdersTable orders={orders.data ?? []} />,
          },
        ]}
      />
    </Space>
  );
}
