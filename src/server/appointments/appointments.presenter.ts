import { formatInstant } from '../../domain/calendar';
import { maskIdNumber, maskPhone } from '../../domain/identity';
import { cancellationDeadline, type AppointmentPolicy } from '../../domain/schedule';
import type { AppointmentView } from '../../shared/contracts/appointments';
import type { AppointmentRow } from './appointments.repository';

/** A name as a public answer may show it: the family name and stars (张*, 欧阳**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

const iso = (d: Date) => formatInstant(d.getTime());
const label = (a: AppointmentRow) => `${iso(a.starts_at).slice(11, 16)}-${iso(a.ends_at).slice(11, 16)}`;

/** `masked` for the public answers: name, ID number and phone partly hidden. */
export function presentAppointment(
  a: AppointmentRow,
  policy: AppointmentPolicy,
  masked: boolean,
): AppointmentView {
  return {
    id: a.id,
    code: a.code,
    centerId: a.center_id,
    categoryId: a.category_id,
    categoryName: a.category_name,
    hallName: a.hall_name,
    name: masked ? maskName(a.name) : a.name,
    idNumber: masked ? maskIdNumber(a.id_number) : a.id_number,
    phone: masked ? maskPhone(a.phone) : a.phone,
    day: a.day,
    startsAt: iso(a.starts_at),
    endsAt: iso(a.ends_at),
    label: label(a),
    status: a.status,
    channel: a.channel,
    cancelUntil: iso(new Date(cancellationDeadline(a.starts_at.getTime(), policy))),
    ticketNumber: a.ticket_number,
    createdAt: iso(a.created_at),
  };
}
