import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import {
  HallCategoriesOpenView,
  HallPublicView,
  TicketIssued,
  TicketPublicView,
  type CategoryOpenState,
  type FeedMessage,
} from '../../shared/contracts/hall';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { useHallFeed } from './hall-feed';
import { TicketSlip } from './TicketSlip';

const m = defineMessages({
  title: { zh: '自助取号', en: 'Take a ticket' },
  choose: { zh: '请选择您要办理的业务', en: 'Choose your business' },
  waiting: { zh: '等候 {n} 人', en: '{n} waiting' },
  wait: { zh: '约 {n} 分钟', en: '~{n} min' },
  closed: { zh: '暂无窗口', en: 'No window open' },
  reopens: { zh: '暂停取号，请于 {at} 再来', en: 'Not issuing now; back at {at}' },
  notScheduled: { zh: '暂停取号，请咨询导办台', en: 'Not issuing; please ask at the guide desk' },
  large: { zh: '大字模式', en: 'Large text' },
  booking: { zh: '预约取号（输入身份证号）', en: 'I have a booking (ID number)' },
  idNumber: { zh: '请输入身份证号码', en: 'Enter your ID number' },
  checkIn: { zh: '签到取号', en: 'Check in' },
  print: { zh: '打印小票', en: 'Print the slip' },
  done: { zh: '完成', en: 'Done' },
  yourTicket: { zh: '取号成功', en: 'Your ticket' },
  back: { zh: '{n} 秒后返回', en: 'Back in {n} s' },
  priorityHint: {
    zh: '老年人、残疾人、军人、孕妇请到引导台核验后优先办理',
    en: 'Elderly, disabled, military and pregnant visitors: ask at the guide desk for priority',
  },
  notFound: { zh: '未找到该大厅', en: 'Hall not found' },
});

/**
 * The kiosk (取号机) of a hall, full screen without login: big buttons per category with the queue
 * and the wait a newcomer faces, a 适老化 large mode, check-in of a booking by ID number, and the
 * printable slip with the QR code to the phone page.
 */
export default function KioskPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { hallId } = useParams();
  const [large, setLarge] = useState(() => localStorage.getItem('ow.kiosk.large') === '1');
  const [ticket, setTicket] = useState<TicketPublicView | null>(null);
  const [busy, setBusy] = useState(false);
  const [bookingOpen, setBookingOpen] = useState(false);
  const [idNumber, setIdNumber] = useState('');
  const [countdown, setCountdown] = useState(0);
  const hall = useApi(() => api('GET', `/public/halls/${hallId}`, { schema: HallPublicView }), [hallId]);
  const reload = hall.reload;
  const [seq, setSeq] = useState<number>();
  const first = hall.data?.seq;
  useEffect(() => setSeq((s) => s ?? first), [first]);
  // Counts change with every ticket in the hall: reload, at most once a second.
  const [stale, setStale] = useState(false);
  const onMessage = useCallback((_msg: FeedMessage) => setStale(true), []);
  useHallFeed(hallId, seq, onMessage, reload);
  useEffect(() => {
    if (!stale) return;
    const id = setTimeout(() => {
      setStale(false);
      reload();
    }, 1000);
    return () => clearTimeout(id);
  }, [stale, reload]);

  // The slip stays up for 30 s, then the kiosk is ready for the next visitor.
  const showTicket = (tk: TicketPublicView) => {
    setTicket(tk);
    setCountdown(30);
  };
  useEffect(() => {
    if (!ticket) return;
    const id = setInterval(() => setCountdown((c) => c - 1), 1000);
    return () => clearInterval(id);
  }, [ticket]);
  useEffect(() => {
    if (ticket && countdown <= 0) setTicket(null);
  }, [countdown, ticket]);

  const show = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e), 6);
  const take = async (categoryId: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const res = await api('POST', `/public/halls/${hallId}/tickets`, {
        body: { categoryId },
        schema: TicketIssued,
      });
      showTicket(res.ticket);
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
    }
  };
  const checkIn = async () => {
    setBusy(true);
    try {
      const res = await api<{ ticket: { id: string } }>('POST', '/public/appointments/check-in', {
        body: { idNumber: idNumber.trim(), centerId: hall.data?.centerId },
      });
      showTicket(await api('GET', `/public/tickets/${res.ticket.id}`, { schema: TicketPublicView }));
      setBookingOpen(false);
      setIdNumber('');
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
    }
  };

  // Whether each category issues tickets now (hours, roster, absences) and when it reopens, for the
  // whole hall in one request; the schedule changes slowly, so once a minute is enough. Asked again
  // at once when the hall's categories change (a category added or switched on meanwhile).
  const categoryIds = (hall.data?.categories ?? []).map((c) => c.categoryId).join(',');
  const [openness, setOpenness] = useState<Record<string, CategoryOpenState>>({});
  useEffect(() => {
    if (!hallId || !categoryIds) return;
    let live = true;
    const load = async () => {
      try {
        const v = await api('GET', `/public/halls/${hallId}/categories/open`, {
          schema: HallCategoriesOpenView,
        });
        if (live) setOpenness(Object.fromEntries(v.categories.map((c) => [c.categoryId, c])));
      } catch {
        // A failed check says nothing about the schedule: keep the last answer (the server still
        // refuses a ticket for a closed category) and try again at the next minute.
      }
    };
    void load();
    const id = setInterval(() => void load(), 60_000);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [hallId, categoryIds]);
  // "2026-11-24T08:30:00+08:00" → "11-24 08:30" (China time, as the server writes it).
  const notIssuing = (id: string): string | null => {
    const o = openness[id];
    if (!o || o.open) return null;
    return o.reopensAt ? t(m.reopens, { at: o.reopensAt.slice(5, 16).replace('T', ' ') }) : t(m.notScheduled);
  };

  if (hall.error) return <Result status="404" title={t(m.notFound)} />;
  if (!hall.data) return <Spin fullscreen />;
  const h = hall.data;
  const font = large ? 1.45 : 1;
  return (
    <div
      style={{ minHeight: '100vh', background: '#e8f1ff', padding: 24, fontSize: 16 * font }}
      data-testid="kiosk"
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 36 * font }}>
            {h.centerName} · {t(m.title)}
          </Typography.Title>
          <Typography.Text style={{ fontSize: 20 * font }}>{t(m.choose)}</Typography.Text>
        </div>
        <Space size="large">
          <Space>
            <Typography.Text style={{ fontSize: 18 }}>{t(m.large)}</Typography.Text>
            <Switch
              checked={large}
              data-testid="kiosk-large"
              onChange={(v) => {
                setLarge(v);
                localStorage.setItem('ow.kiosk.large', v ? '1' : '0');
              }}
            />
          </Space>
          <Button
            size="large"
            onClick={() => setBookingOpen(true)}
            style={{ height: 56 * font, fontSize: 20 * font }}
          >
            {t(m.booking)}
          </Button>
        </Space>
      </Space>
      <Alert
        style={{ margin: '16px 0', fontSize: 18 * font }}
        type="info"
        showIcon
        title={t(m.priorityHint)}
      />
      <Row gutter={[20, 20]}>
        {h.categories.map((c) => (
          <Col key={c.categoryId} xs={24} md={large ? 12 : 8} xl={large ? 8 : 6}>
            <Button
              block
              type="primary"
              disabled={busy || notIssuing(c.categoryId) !== null}
              data-testid={`kiosk-category-${c.prefix}`}
              onClick={() => void take(c.categoryId)}
              style={{
                height: 150 * font,
                whiteSpace: 'normal',
                borderRadius: 16,
                display: 'flex',
                flexDirection: 'column',
                justifyContent: 'center',
              }}
            >
              <span style={{ fontSize: 32 * font, fontWeight: 700 }}>
                {c.prefix} {c.name}
              </span>
              <span style={{ fontSize: 18 * font, opacity: 0.9 }}>
                {t(m.waiting, { n: c.waiting })} ·{' '}
                {c.estimatedWaitMinutes !== null ? t(m.wait, { n: c.estimatedWaitMinutes }) : t(m.closed)}
                {c.estimatedWaitMinutes !== null && !c.open ? ` · ${t(m.closed)}` : ''}
              </span>
              {notIssuing(c.categoryId) && (
                <span style={{ fontSize: 18 * font }} data-testid={`kiosk-closed-${c.prefix}`}>
                  {notIssuing(c.categoryId)}
                </span>
              )}
            </Button>
          </Col>
        ))}
      </Row>

      <Modal
        open={ticket !== null}
        title={t(m.yourTicket)}
        onCancel={() => setTicket(null)}
        footer={[
          <Button key="print" size="large" onClick={() => window.print()}>
            {t(m.print)}
          </Button>,
          <Button key="done" size="large" type="primary" onClick={() => setTicket(null)}>
            {t(m.done)} ({t(m.back, { n: countdown })})
          </Button>,
        ]}
      >
        {ticket && <TicketSlip ticket={ticket} large={large} />}
      </Modal>
      <Modal
        open={bookingOpen}
        title={t(m.booking)}
        onCancel={() => setBookingOpen(false)}
        onOk={() => void checkIn()}
        okText={t(m.checkIn)}
        confirmLoading={busy}
      >
        <Card size="small">
          <Input
            size="large"
            autoFocus
            maxLength={18}
            placeholder={t(m.idNumber)}
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value.toUpperCase())}
            style={{ fontSize: 28, letterSpacing: 2 }}
            data-testid="kiosk-id-number"
          />
        </Card>
      </Modal>
    </div>
  );
}
