import { Card, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Me } from '../../shared/contracts/auth';
import { OfficerPanelView } from '../../shared/contracts/hall';
import type { StaffView } from '../../shared/contracts/org';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { words } from '../i18n/words';

const m = defineMessages({
  title: { zh: '排队叫号', en: 'Hall queue' },
  waiting: { zh: '本窗口候叫', en: 'Waiting for my window' },
  served: { zh: '今日已办', en: 'Served today' },
  current: { zh: '当前号', en: 'Current' },
  panel: { zh: '打开叫号面板', en: 'Open the calling panel' },
  guide: { zh: '打开引导台', en: 'Open the guide desk' },
  noHall: { zh: '我的窗口不在排队大厅', en: 'My window is not in a queue hall' },
  open: { zh: '服务中', en: 'Open' },
  paused: { zh: '暂停服务', en: 'Paused' },
  closed: { zh: '未上岗', en: 'Closed' },
});

/** Workstation card: the officer's window in the queue (status, current ticket, waiting), with the panel link. */
export function HallWorkstationCard({ me, staff }: { me: Me; staff: StaffView | null }) {
  const t = useT();
  const windowId = staff?.windowId;
  const panel = useApi(
    () =>
      windowId
        ? api('GET', `/hall/windows/${windowId}/panel`, { schema: OfficerPanelView }).catch(() => null)
        : Promise.resolve(null),
    [windowId],
  );
  const p = panel.data;
  const isQueueStaff = me.roles.some((r) => r === 'officer' || r === 'chief_rep' || r === 'admin');
  return (
    <Card
      title={t(m.title)}
      loading={panel.loading}
      style={{ height: '100%' }}
      data-testid="workstation-hall"
    >
      {p ? (
        <Space direction="vertical">
          <Space>
            <Typography.Text strong>
              {t(words.windowNo, { n: p.window.number })} · {p.window.hallName}
            </Typography.Text>
            <Tag>{t(m[p.state.status])}</Tag>
          </Space>
          <Space size="large">
            <Statistic title={t(m.waiting)} value={p.next.length} />
            <Statistic title={t(m.served)} value={p.today.served} />
            <Statistic title={t(m.current)} value={p.current?.number ?? '—'} />
          </Space>
          <Link to={`/hall/officer?window=${p.window.id}`}>{t(m.panel)}</Link>
        </Space>
      ) : isQueueStaff ? (
        <Space direction="vertical">
          {windowId && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noHall)} />}
          <Link to="/hall/guide">{t(m.guide)}</Link>
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noHall)} />
      )}
    </Card>
  );
}
