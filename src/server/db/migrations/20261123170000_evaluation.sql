-- Evaluation (好差评), the 差评 rectification loop, return visits, complaints / reports / praise and
-- 12345 hotline work orders. Satisfaction levels, channels and statuses are stored as semantic words
-- (domain.md rule 5): numeric codes of GB/T 39046 or a provincial interface exist only at the edges.

-- Per-center overrides of the policies (deadlines, default rating, sampling, hotline limits); the
-- effective policy is the code defaults (src/domain/evaluation/policy.ts) with these merged in.
CREATE TABLE evaluation_settings (
  center_id uuid PRIMARY KEY REFERENCES centers(id),
  policies jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by_name text NOT NULL
);

-- A window evaluator (评价器) tablet, bound to one window by the key in its URL. The key lets the
-- tablet do exactly one thing: show the window's officer and rate services that ended at that window.
CREATE TABLE evaluation_devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  window_id uuid NOT NULL UNIQUE REFERENCES windows(id),
  device_key text NOT NULL UNIQUE,
  active boolean NOT NULL DEFAULT true,
  last_seen_at timestamptz,
  created_at timestamptz NOT NULL
);

-- One row per evaluated subject (a case, or a hall visit without a concluded case): the invitation
-- whose token opens the form (tablet, QR code on the notice, SMS link), what is evaluated, and the
-- default-rating due swept by the job. The subject of an invitation with a case is the case.
CREATE TABLE evaluation_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  token text NOT NULL UNIQUE,
  case_id uuid REFERENCES cases(id),
  ticket_id uuid REFERENCES tickets(id),
  subject_label text NOT NULL,
  window_id uuid REFERENCES windows(id),
  staff_id uuid REFERENCES staff(id),
  department_id uuid REFERENCES departments(id),
  item_id uuid REFERENCES items(id),
  item_name text NOT NULL DEFAULT '',
  applicant_id uuid REFERENCES applicants(id),
  applicant_name text NOT NULL DEFAULT '',
  applicant_phone text NOT NULL DEFAULT '',
  ended_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  default_due_at timestamptz,
  first_evaluated_at timestamptz,
  dismissed_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (case_id IS NOT NULL OR ticket_id IS NOT NULL)
);
CREATE UNIQUE INDEX evaluation_invitations_case_idx ON evaluation_invitations (case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX evaluation_invitations_ticket_idx ON evaluation_invitations (ticket_id)
  WHERE ticket_id IS NOT NULL AND case_id IS NULL;
-- The tablet asks for the latest service that ended at its window.
CREATE INDEX evaluation_invitations_window_idx ON evaluation_invitations (window_id, ended_at DESC);
-- The default-rating sweep: subjects still waiting for their first evaluation, by due.
CREATE INDEX evaluation_invitations_default_idx ON evaluation_invitations (default_due_at)
  WHERE first_evaluated_at IS NULL AND default_due_at IS NOT NULL;

-- Finding cases that just ended (invitations, SMS links) without scanning every case: an index on
-- the conclusion instant of the cases table, added here because only this feature asks by it.
CREATE INDEX evaluation_cases_concluded_idx ON cases (concluded_at) WHERE concluded_at IS NOT NULL;

-- Watermarks of the sweeps that walk a time-ordered table (e.g. cases by concluded_at).
CREATE TABLE evaluation_marks (
  name text PRIMARY KEY,
  mark timestamptz NOT NULL
);

CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  invitation_id uuid NOT NULL REFERENCES evaluation_invitations(id),
  case_id uuid REFERENCES cases(id),
  ticket_id uuid REFERENCES tickets(id),
  round text NOT NULL CHECK (round IN ('first', 'followup')),
  level text NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
  indicators jsonb NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  comment text NOT NULL DEFAULT '',
  channel text NOT NULL CHECK (channel IN ('window_device', 'web', 'mobile', 'qr', 'sms', 'phone', 'kiosk', 'default')),
  is_default boolean NOT NULL DEFAULT false,
  -- 申诉复核 upheld: kept for the record, counted nowhere.
  excluded boolean NOT NULL DEFAULT false,
  excluded_reason text,
  window_id uuid REFERENCES windows(id),
  staff_id uuid REFERENCES staff(id),
  department_id uuid REFERENCES departments(id),
  item_id uuid REFERENCES items(id),
  -- Who evaluated: never shown to the evaluated officer (anonymous to the officer).
  applicant_id uuid REFERENCES applicants(id),
  evaluator_name text NOT NULL DEFAULT '',
  evaluator_phone text NOT NULL DEFAULT '',
  -- Phone return visits: who called.
  recorded_by uuid REFERENCES users(id),
  recorded_by_name text,
  month date NOT NULL,
  created_at timestamptz NOT NULL,
  -- The 追评 limit, race-free: one first and one follow-up per subject.
  UNIQUE (invitation_id, round),
  CHECK (is_default = (channel = 'default'))
);
CREATE INDEX evaluations_center_idx ON evaluations (center_id, created_at DESC);
CREATE INDEX evaluations_case_idx ON evaluations (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX evaluations_staff_idx ON evaluations (staff_id, created_at DESC) WHERE staff_id IS NOT NULL;

-- Rollups. Each evaluation (and each exclusion) appends one delta row in its own transaction — an
-- insert, so 200 tablets never wait on a shared counter row. The rollup job folds the deltas into
-- `evaluation_stats`, one row per (month, dimension, center, key) with the counts per level, default
-- ratings apart (the policy decides whether they count), so the monthly views read one row per
-- window / officer / department / item / channel whatever the number of evaluations; reads add the
-- small unfolded tail, so a view is exact the moment after a submission.
CREATE TABLE evaluation_rollup_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  center_id uuid NOT NULL,
  month date NOT NULL,
  window_id uuid,
  staff_id uuid,
  department_id uuid,
  item_id uuid,
  channel text NOT NULL,
  is_default boolean NOT NULL,
  -- a level, or 'excluded' (an upheld appeal moves one evaluation from its level to excluded)
  bucket text NOT NULL,
  delta integer NOT NULL
);

CREATE TABLE evaluation_stats (
  month date NOT NULL,
  dim text NOT NULL CHECK (dim IN ('center', 'window', 'staff', 'department', 'item', 'channel')),
  center_id uuid NOT NULL REFERENCES centers(id),
  -- the id of the window/staff/department/item (each belongs to one center), the channel word, or ''
  -- for the center total
  key text NOT NULL,
  very_satisfied bigint NOT NULL DEFAULT 0,
  satisfied bigint NOT NULL DEFAULT 0,
  basic bigint NOT NULL DEFAULT 0,
  dissatisfied bigint NOT NULL DEFAULT 0,
  very_dissatisfied bigint NOT NULL DEFAULT 0,
  d_very_satisfied bigint NOT NULL DEFAULT 0,
  d_satisfied bigint NOT NULL DEFAULT 0,
  d_basic bigint NOT NULL DEFAULT 0,
  d_dissatisfied bigint NOT NULL DEFAULT 0,
  d_very_dissatisfied bigint NOT NULL DEFAULT 0,
  excluded bigint NOT NULL DEFAULT 0,
  -- valid evaluations without and with the default ratings: the views list the busiest keys first,
  -- and these indexes let a month of 160,000 items give its top few hundred without a sort
  n bigint GENERATED ALWAYS AS (very_satisfied + satisfied + basic + dissatisfied + very_dissatisfied) STORED,
  nd bigint GENERATED ALWAYS AS (very_satisfied + satisfied + basic + dissatisfied + very_dissatisfied
    + d_very_satisfied + d_satisfied + d_basic + d_dissatisfied + d_very_dissatisfied) STORED,
  -- key before center: a key is looked up by itself (the keys of the unfolded tail)
  PRIMARY KEY (month, dim, key, center_id)
);
CREATE INDEX evaluation_stats_n_idx ON evaluation_stats (month, dim, n DESC);
CREATE INDEX evaluation_stats_nd_idx ON evaluation_stats (month, dim, nd DESC);

-- The 差评 loop. `step_due_at` is the due of the step the record waits in (NULL when nothing is due);
-- the overdue sweep flags a step once (`overdue_flagged_at`) and a new step clears the flag.
CREATE TABLE rectifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  evaluation_id uuid NOT NULL UNIQUE REFERENCES evaluations(id),
  invitation_id uuid NOT NULL REFERENCES evaluation_invitations(id),
  case_id uuid REFERENCES cases(id),
  subject_label text NOT NULL,
  department_id uuid REFERENCES departments(id),
  window_id uuid REFERENCES windows(id),
  staff_id uuid REFERENCES staff(id),
  status text NOT NULL CHECK (status IN ('return_visit', 'verifying', 'rectifying', 'appealing', 'explained',
                                         'rectified', 'closed', 'excluded')),
  step_entered_at timestamptz NOT NULL,
  step_due_at timestamptz,
  overdue_flagged_at timestamptz,
  overdue_steps text[] NOT NULL DEFAULT '{}',
  decision text CHECK (decision IN ('rectify', 'explain', 'appeal')),
  extension text NOT NULL DEFAULT 'none' CHECK (extension IN ('none', 'requested', 'approved', 'rejected')),
  requested_extension_days integer,
  extension_days integer NOT NULL DEFAULT 0,
  return_visit_note text,
  decision_text text,
  feedback text,
  appeal_opinion text,
  -- the applicant rates the rectification through the evaluation link (the invitation token)
  applicant_rating text CHECK (applicant_rating IN ('satisfied', 'basic', 'dissatisfied')),
  closed_at timestamptz,
  event_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX rectifications_center_idx ON rectifications (center_id, created_at DESC);
CREATE INDEX rectifications_due_idx ON rectifications (step_due_at)
  WHERE step_due_at IS NOT NULL AND overdue_flagged_at IS NULL;

CREATE FUNCTION evaluation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END
$$;

CREATE TABLE rectification_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rectification_id uuid NOT NULL REFERENCES rectifications(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  seq integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users(id),
  actor_name text NOT NULL,
  note text NOT NULL DEFAULT '',
  payload jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL,
  UNIQUE (rectification_id, seq)
);
CREATE TRIGGER rectification_events_append_only_trg BEFORE UPDATE OR DELETE ON rectification_events
  FOR EACH ROW EXECUTE FUNCTION evaluation_append_only();

-- 满意度回访 worklist: every 差评 and a sample of the rest. A done visit links the phone-channel
-- evaluation it recorded, with who called and when.
CREATE TABLE return_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  invitation_id uuid NOT NULL UNIQUE REFERENCES evaluation_invitations(id),
  rectification_id uuid REFERENCES rectifications(id),
  reason text NOT NULL CHECK (reason IN ('bad_review', 'sample')),
  status text NOT NULL CHECK (status IN ('pending', 'done', 'unreachable')),
  due_at timestamptz,
  called_by uuid REFERENCES users(id),
  called_by_name text,
  called_at timestamptz,
  note text NOT NULL DEFAULT '',
  evaluation_id uuid REFERENCES evaluations(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX return_visits_center_idx ON return_visits (center_id, status, created_at DESC);

-- 投诉 / 举报 / 表扬 / 建议.
CREATE TABLE complaint_counters (
  center_id uuid NOT NULL REFERENCES centers(id),
  scope text NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (center_id, scope)
);

CREATE TABLE complaints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('complaint', 'report', 'praise', 'suggestion')),
  channel text NOT NULL CHECK (channel IN ('portal', 'phone', 'box', 'window', 'letter')),
  status text NOT NULL CHECK (status IN ('received', 'assigned', 'replied', 'closed')),
  title text NOT NULL,
  content text NOT NULL,
  target_window_id uuid REFERENCES windows(id),
  target_staff_id uuid REFERENCES staff(id),
  target_department_id uuid REFERENCES departments(id),
  target_item_id uuid REFERENCES items(id),
  anonymous boolean NOT NULL,
  contact_name text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  -- the complainant's key to follow the reply and assess it
  tracking_token text NOT NULL UNIQUE,
  received_by_name text,
  received_at timestamptz NOT NULL,
  assigned_department_id uuid REFERENCES departments(id),
  assigned_at timestamptz,
  reply_due_at timestamptz,
  reply text,
  replied_at timestamptz,
  replied_by_name text,
  assessment text CHECK (assessment IN ('satisfied', 'basic', 'dissatisfied')),
  assessed_at timestamptz,
  closed_at timestamptz,
  -- praise: bonus points for the monthly assessment (考核 加分)
  bonus_points numeric(4, 1) NOT NULL DEFAULT 0,
  event_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, number)
);
CREATE INDEX complaints_center_idx ON complaints (center_id, received_at DESC);
CREATE INDEX complaints_open_due_idx ON complaints (reply_due_at) WHERE status = 'assigned';

CREATE TABLE complaint_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX complaint_attachments_complaint_idx ON complaint_attachments (complaint_id);

CREATE TABLE complaint_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaints(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  seq integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_name text NOT NULL,
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL,
  UNIQUE (complaint_id, seq)
);
CREATE TRIGGER complaint_events_append_only_trg BEFORE UPDATE OR DELETE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION evaluation_append_only();

-- 12345 work orders. `number` is the hotline platform's order number (工单编号): importing or
-- receiving the same order twice finds the existing row.
CREATE TABLE hotline_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  number text NOT NULL,
  source text NOT NULL CHECK (source IN ('api', 'import', 'manual')),
  category text NOT NULL CHECK (category IN ('urgent', 'ordinary', 'complex')),
  kind text NOT NULL CHECK (kind IN ('consult', 'help', 'complaint', 'report', 'suggestion', 'praise')),
  title text NOT NULL,
  content text NOT NULL,
  caller_name text NOT NULL DEFAULT '',
  caller_phone text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('received', 'dispatched', 'signed', 'handling', 'replied', 'returned',
                                         'concluded', 'visited', 'evaluated')),
  lead_department_id uuid REFERENCES departments(id),
  dispatched_at timestamptz,
  signed_at timestamptz,
  replied_at timestamptz,
  concluded_at timestamptz,
  sign_due_at timestamptz,
  reply_due_at timestamptz,
  return_due_at timestamptz,
  extension_days integer NOT NULL DEFAULT 0,
  supervised text[] NOT NULL DEFAULT '{}',
  supervision_level integer NOT NULL DEFAULT 0,
  return_count integer NOT NULL DEFAULT 0,
  reply text,
  visit_note text,
  satisfaction text CHECK (satisfaction IN ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
  event_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, number)
);
CREATE INDEX hotline_orders_center_idx ON hotline_orders (center_id, received_at DESC);
CREATE INDEX hotline_orders_department_idx ON hotline_orders (lead_department_id, status);
-- The 督办 sweep: open orders by their dues.
CREATE INDEX hotline_orders_sign_due_idx ON hotline_orders (sign_due_at) WHERE status = 'dispatched';
CREATE INDEX hotline_orders_reply_due_idx ON hotline_orders (reply_due_at) WHERE status IN ('dispatched', 'signed', 'handling');

-- The units of the current dispatch: one lead (主办) and any co-units (协办).
CREATE TABLE hotline_order_units (
  order_id uuid NOT NULL REFERENCES hotline_orders(id),
  department_id uuid NOT NULL REFERENCES departments(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  role text NOT NULL CHECK (role IN ('lead', 'co')),
  PRIMARY KEY (order_id, department_id)
);
CREATE INDEX hotline_order_units_department_idx ON hotline_order_units (department_id);

CREATE TABLE hotline_order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES hotline_orders(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  seq integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_name text NOT NULL,
  department_id uuid REFERENCES departments(id),
  note text NOT NULL DEFAULT '',
  payload jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL,
  UNIQUE (order_id, seq)
);
CREATE TRIGGER hotline_order_events_append_only_trg BEFORE UPDATE OR DELETE ON hotline_order_events
  FOR EACH ROW EXECUTE FUNCTION evaluation_append_only();

-- Keys of the hotline platform's HTTP endpoint; only the SHA-256 is stored.
CREATE TABLE hotline_api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
