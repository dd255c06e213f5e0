import { formatInstant } from '../../domain/calendar';
import type { Queryable } from '../db/db';
import { enqueueNotices, type Notice } from '../supervision/notify.repository';
import type { AppointmentRow } from './appointments.repository';

/**
 * Appointment notices go through the notification outbox (supervision's `enqueueNotices`): written in
 * the transaction of the booking change, delivered by the outbox job, each once (dedupe key). An SMS
 * to the phone given at booking; an in-app notice too when the booking was made from a portal account.
 */
export type AppointmentNotice = 'booked' | 'cancelled' | 'reminder' | 'no_show';

const when = (a: Pick<AppointmentRow, 'starts_at' | 'ends_at'>) =>
  `${formatInstant(a.starts_at.getTime()).slice(0, 16).replace('T', ' ')}-${formatInstant(a.ends_at.getTime()).slice(11, 16)}`;

function text(
  kind: AppointmentNotice,
  a: AppointmentRow,
  extra: { noShows?: number },
): { title: string; body: string } {
  switch (kind) {
    case 'booked':
      return {
        title: '预约成功',
        body: `您已预约${a.hall_name}「${a.category_name}」${when(a)}，预约码 ${a.code}。请凭身份证或预约码在开始前 30 分钟内到取号机签到。`,
      };
    case 'cancelled':
      return {
        title: '预约已取消',
        body: `您预约的「${a.category_name}」${when(a)}（预约码 ${a.code}）已取消。`,
      };
    case 'reminder':
      return {
        title: '预约提醒',
        body: `提醒：您预约了${a.hall_name}「${a.category_name}」${when(a)}，预约码 ${a.code}。如不能前来，请提前取消。`,
      };
    case 'no_show':
      return {
        title: '预约失约提醒',
        body: `您预约的「${a.category_name}」${when(a)}未按时签到，已记失约 1 次（近期共 ${extra.noShows ?? 1} 次）。失约次数过多将暂停预约服务。`,
      };
  }
}

export async function notifyAppointment(
  q: Queryable,
  kind: AppointmentNotice,
  a: AppointmentRow,
  now: Date,
  extra: { noShows?: number } = {},
): Promise<void> {
  const { title, body } = text(kind, a, extra);
  const base = {
    centerId: a.center_id,
    kind: `appointment_${kind}`,
    title,
    body,
    link: '/appointments/mine',
  };
  const notices: Notice[] = [
    { ...base, userId: null, channel: 'sms', address: a.phone, dedupeKey: `appointment:${a.id}:${kind}:sms` },
  ];
  if (a.user_id)
    notices.push({
      ...base,
      userId: a.user_id,
      channel: 'inbox',
      address: '',
      dedupeKey: `appointment:${a.id}:${kind}:inbox`,
    });
  await enqueueNotices(q, notices, now);
}
