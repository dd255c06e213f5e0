import { Typography } from 'antd';
import type { TicketPublicView } from '../../shared/contracts/hall';
import { priorityLabels } from '../../shared/contracts/hall-labels';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  ahead: { zh: '您前面还有 {n} 人', en: '{n} people ahead of you' },
  wait: { zh: '预计等候约 {n} 分钟', en: 'Estimated wait: about {n} min' },
  noEstimate: {
    zh: '暂无窗口办理该业务，请咨询引导台',
    en: 'No window serves this now: ask at the guide desk',
  },
  scan: { zh: '扫码在手机上查看排队进度', en: 'Scan to follow your place on your phone' },
  keep: {
    zh: '请保管好此票，过号请到引导台重新排队，当日有效',
    en: 'Keep this slip; valid today only. Missed your call? Ask at the guide desk.',
  },
  priority: { zh: '优先：{p}', en: 'Priority: {p}' },
});

/**
 * The ticket slip (排队小票): number, category, people ahead, estimated wait and a QR code to the
 * phone page. `.ow-print-slip` is the only thing printed (58 mm thermal printers, see the print CSS).
 */
export function TicketSlip({ ticket, large = false }: { ticket: TicketPublicView; large?: boolean }) {
  const t = useT();
  const issued = new Date(ticket.issuedAt);
  return (
    <div className="ow-print-slip" data-testid="ticket-slip" style={{ textAlign: 'center', padding: 8 }}>
      <style>{`@media print {
        body * { visibility: hidden !important; }
        .ow-print-slip, .ow-print-slip * { visibility: visible !important; }
        .ow-print-slip { position: absolute; left: 0; top: 0; width: 58mm; }
      }`}</style>
      <div style={{ fontSize: large ? 20 : 15 }}>{ticket.centerName}</div>
      <div style={{ fontSize: large ? 18 : 14, color: '#555' }}>
        {ticket.hallName} · {ticket.categoryName}
      </div>
      <div
        data-testid="slip-number"
        style={{ fontSize: large ? 88 : 64, fontWeight: 800, lineHeight: 1.1, letterSpacing: 2 }}
      >
        {ticket.number}
      </div>
      {ticket.priority && (
        <div style={{ fontSize: 16 }}>{t(m.priority, { p: t(priorityLabels[ticket.priority]) })}</div>
      )}
      <div style={{ fontSize: large ? 24 : 18 }}>{t(m.ahead, { n: ticket.ahead ?? 0 })}</div>
      <div style={{ fontSize: large ? 22 : 16 }} data-testid="slip-wait">
        {ticket.estimatedWaitMinutes !== null
          ? t(m.wait, { n: ticket.estimatedWaitMinutes })
          : t(m.noEstimate)}
      </div>
      <img
        src={`/api/public/tickets/${ticket.id}/qr.png`}
        alt="QR"
        width={large ? 180 : 140}
        height={large ? 180 : 140}
        style={{ margin: '8px auto', display: 'block' }}
      />
      <Typography.Text type="secondary">{t(m.scan)}</Typography.Text>
      <div style={{ fontSize: 12, color: '#888', marginTop: 6 }}>
        {issued.toLocaleString('zh-CN', { hour12: false })}
        <br />
        {t(m.keep)}
      </div>
    </div>
  );
}
