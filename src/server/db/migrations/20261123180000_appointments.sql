-- Hours, duty and appointments: per-window exceptions to the center's working hours, the monthly
-- duty roster, leave and meeting absences, AB岗 substitutions, appointment settings, bookings with
-- their slot counters and events, enterprise bulk appointments (批量办证服务室) with their rosters,
-- and the leaders' enterprise reception (企业接待制度) with its follow-ups.

-- A window's exception to the center's working hours (calendar_hours), laid over the calendar:
-- 错时服务 (workday + add 11:30–14:00), 公安全年无休 (restday + replace), 周末便民服务 (saturday +
-- replace), 周日轮值 (sunday + replace; the roster says whose turn). `periods` is
-- [{ start: 'HH:MM', end: 'HH:MM' }], validated by src/shared/contracts/schedule.ts.
CREATE TABLE window_hours_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  window_id uuid NOT NULL REFERENCES windows(id),
  days text NOT NULL CHECK (days IN ('every_day', 'workday', 'restday', 'saturday', 'sunday', 'holiday', 'date')),
  date date,
  valid_from date,
  valid_to date,
  mode text NOT NULL CHECK (mode IN ('add', 'replace', 'close')),
  periods jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK ((days = 'date') = (date IS NOT NULL)),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX window_hours_rules_center_idx ON window_hours_rules (center_id, window_id);

-- The duty roster (排班表): who sits at which window on which day. A window without a row on a day
-- keeps its posted officers (staff.window_id) on working days and nobody on rest days.
CREATE TABLE duty_roster (
  center_id uuid NOT NULL REFERENCES centers(id),
  day date NOT NULL,
  window_id uuid NOT NULL REFERENCES windows(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  note text NOT NULL DEFAULT '',
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (window_id, day, staff_id)
);
CREATE INDEX duty_roster_center_day_idx ON duty_roster (center_id, day);
-- One person is at one window a day.
CREATE UNIQUE INDEX duty_roster_staff_day_idx ON duty_roster (staff_id, day);

-- Leave (请假), meetings, training: the officer is off duty for the interval.
CREATE TABLE staff_absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  kind text NOT NULL CHECK (kind IN ('leave', 'meeting', 'training', 'other')),
  from_at timestamptz NOT NULL,
  to_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '',
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  CHECK (to_at > from_at)
);
CREATE INDEX staff_absences_center_idx ON staff_absences (center_id, to_at) WHERE cancelled_at IS NULL;
CREATE INDEX staff_absences_staff_idx ON staff_absences (staff_id, from_at);

-- AB岗: B stands in at A's window while A is absent, and sees A's open cases meanwhile.
CREATE TABLE ab_substitutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  absent_staff_id uuid NOT NULL REFERENCES staff(id),
  stand_in_staff_id uuid NOT NULL REFERENCES staff(id),
  window_id uuid NOT NULL REFERENCES windows(id),
  absence_id uuid REFERENCES staff_absences(id),
  from_at timestamptz NOT NULL,
  to_at timestamptz NOT NULL,
  reason text NOT NULL DEFAULT '',
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  ended_at timestamptz,
  CHECK (to_at > from_at),
  CHECK (absent_staff_id <> stand_in_staff_id)
);
CREATE INDEX ab_substitutions_center_idx ON ab_substitutions (center_id, to_at);
CREATE INDEX ab_substitutions_stand_in_idx ON ab_substitutions (stand_in_staff_id, to_at);

-- The numbers of the appointment rules per center (AppointmentPolicy, validated by the contract),
-- and the window that serves as the bulk-service room. A center without a row uses the defaults.
CREATE TABLE appointment_settings (
  center_id uuid PRIMARY KEY REFERENCES centers(id),
  policy jsonb NOT NULL,
  bulk_room_window_id uuid REFERENCES windows(id),
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A booking of a slot of a ticket category. Identity is the ID number with a phone; `code` is the
-- booking code printed on the confirmation and typed at the kiosk.
CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  category_id uuid NOT NULL REFERENCES ticket_categories(id),
  code text NOT NULL UNIQUE,
  id_number text NOT NULL,
  name text NOT NULL,
  phone text NOT NULL,
  day date NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  channel text NOT NULL CHECK (channel IN ('portal', 'staff')),
  user_id uuid REFERENCES users(id),
  ticket_id uuid REFERENCES tickets(id),
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  cancel_reason text,
  checked_in_at timestamptz,
  no_show_at timestamptz,
  reminded_at timestamptz,
  CHECK (ends_at > starts_at)
);
-- Lookups by person (the blacklist, "my bookings", check-in by ID number).
CREATE INDEX appointments_person_idx ON appointments (center_id, id_number, day);
CREATE INDEX appointments_phone_idx ON appointments (center_id, phone, day);
CREATE INDEX appointments_slot_idx ON appointments (category_id, starts_at);
-- The no-show job and the reminder job look only at bookings still open.
CREATE INDEX appointments_open_end_idx ON appointments (ends_at) WHERE status = 'booked';
CREATE INDEX appointments_remind_idx ON appointments (starts_at) WHERE status = 'booked' AND reminded_at IS NULL;

-- Places taken per slot. Booking increments the row only while it is below the capacity computed
-- for that booking (INSERT … ON CONFLICT DO UPDATE … WHERE booked < capacity): the row lock makes
-- concurrent bookings of the last places take turns, so a slot is never overbooked.
CREATE TABLE appointment_slot_counts (
  category_id uuid NOT NULL REFERENCES ticket_categories(id),
  starts_at timestamptz NOT NULL,
  center_id uuid NOT NULL REFERENCES centers(id),
  booked integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (category_id, starts_at)
);

-- Bookings per person and day (at most N), by the same conditional increment.
CREATE TABLE appointment_person_days (
  center_id uuid NOT NULL REFERENCES centers(id),
  id_number text NOT NULL,
  day date NOT NULL,
  booked integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (center_id, id_number, day)
);

-- Every change of a booking, append-only.
CREATE TABLE appointment_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  appointment_id uuid NOT NULL REFERENCES appointments(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  type text NOT NULL CHECK (type IN ('book', 'cancel', 'check_in', 'no_show', 'remind')),
  from_status text,
  to_status text NOT NULL,
  actor_name text NOT NULL,
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL
);
CREATE INDEX appointment_events_appointment_idx ON appointment_events (appointment_id, id);

-- 批量办证: an enterprise asks for `count` applications of one item; staff confirm time blocks in
-- the bulk room (`blocks`: [{ date, start, end, staffIds, cases }]); the enterprise uploads its roster.
CREATE TABLE bulk_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  number text NOT NULL UNIQUE,
  credit_code text NOT NULL,
  enterprise_name text NOT NULL,
  contact_name text NOT NULL,
  phone text NOT NULL,
  item_id uuid NOT NULL REFERENCES items(id),
  count integer NOT NULL CHECK (count >= 1),
  note text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('requested', 'confirmed', 'received', 'cancelled')),
  room_window_id uuid REFERENCES windows(id),
  blocks jsonb,
  user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  confirmed_by_name text,
  roster_uploaded_at timestamptz,
  received_at timestamptz,
  cancelled_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX bulk_requests_center_idx ON bulk_requests (center_id, created_at DESC);
CREATE INDEX bulk_requests_credit_idx ON bulk_requests (credit_code);

-- One row of an uploaded roster: one application, received as a case on its block's day.
CREATE TABLE bulk_roster_rows (
  request_id uuid NOT NULL REFERENCES bulk_requests(id),
  row_no integer NOT NULL,
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  id_number text NOT NULL,
  phone text NOT NULL,
  subject text NOT NULL DEFAULT '',
  planned_date date NOT NULL,
  case_id uuid REFERENCES cases(id),
  PRIMARY KEY (request_id, row_no),
  UNIQUE (request_id, id_number)
);

-- 企业接待制度: the leaders' reception timetable (《企业接待室部门负责人接待时间表》).
CREATE TABLE reception_timetable (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  leader_name text NOT NULL,
  leader_title text NOT NULL,
  department_id uuid REFERENCES departments(id),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time text NOT NULL,
  end_time text NOT NULL,
  room text NOT NULL,
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 50),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX reception_timetable_center_idx ON reception_timetable (center_id, weekday);

-- A reception booked by an enterprise, its record, the responsible department and the follow-up.
CREATE TABLE reception_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  timetable_id uuid NOT NULL REFERENCES reception_timetable(id),
  day date NOT NULL,
  code text NOT NULL UNIQUE,
  credit_code text NOT NULL,
  enterprise_name text NOT NULL,
  contact_name text NOT NULL,
  phone text NOT NULL,
  matter text NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'held', 'cancelled')),
  created_at timestamptz NOT NULL,
  record text,
  recorded_by_name text,
  held_at timestamptz,
  responsible_department_id uuid REFERENCES departments(id),
  follow_up_due date,
  follow_up_result text,
  follow_up_by_name text,
  follow_up_done_at timestamptz,
  cancelled_at timestamptz,
  CHECK (status <> 'held' OR record IS NOT NULL)
);
CREATE INDEX reception_bookings_slot_idx ON reception_bookings (timetable_id, day);
CREATE INDEX reception_bookings_center_idx ON reception_bookings (center_id, day DESC);
-- Supervisors' list of overdue follow-ups.
CREATE INDEX reception_bookings_follow_up_idx ON reception_bookings (center_id, follow_up_due)
  WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL;
