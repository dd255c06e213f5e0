import { formatInstant } from '../../domain/calendar';
import type { BulkDetailView, BulkView } from '../../shared/contracts/appointments';
import type { BulkRow, RosterRow } from './bulk.repository';

export const presentBulk = (b: BulkRow): BulkView => ({
  id: b.id,
  number: b.number,
  centerId: b.center_id,
  creditCode: b.credit_code,
  enterpriseName: b.enterprise_name,
  contactName: b.contact_name,
  phone: b.phone,
  itemId: b.item_id,
  itemName: b.item_name,
  count: b.count,
  note: b.note,
  status: b.status,
  roomWindowId: b.room_window_id,
  roomName: b.room_name,
  blocks: b.blocks,
  rosterRows: b.roster_rows,
  receivedRows: b.received_rows,
  createdAt: formatInstant(b.created_at.getTime()),
  confirmedByName: b.confirmed_by_name,
});

export const presentBulkDetail = (b: BulkRow, roster: readonly RosterRow[]): BulkDetailView => ({
  ...presentBulk(b),
  roster: roster.map((r) => ({
    rowNo: r.row_no,
    name: r.name,
    idNumber: r.id_number,
    phone: r.phone,
    subject: r.subject,
    plannedDate: r.planned_date,
    caseId: r.case_id,
    caseNumber: r.case_number,
  })),
});
