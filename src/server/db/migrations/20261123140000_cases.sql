-- Case handling (办件): cases, their append-only event log, materials, clock pauses and extensions,
-- linked-case bundles (两证齐发), numbered documents and the counters that number them.
-- The current state of a case (status, outcome, step …) lives on the `cases` row and is changed only
-- by the case service, in the same transaction that appends the `case_events` row recording why.

-- Human-readable numbers (case numbers per center and day, document numbers per center, kind and
-- year) come from counter rows: `INSERT … ON CONFLICT DO UPDATE … RETURNING` takes the row lock, so
-- concurrent receptions at one center get consecutive numbers and never the same one.
CREATE TABLE case_counters (
  center_id uuid NOT NULL REFERENCES centers(id),
  scope text NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (center_id, scope)
);

-- 两证齐发 / 一件事: cases created together for one applicant and delivered together.
CREATE TABLE case_bundles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  -- set when every part is concluded and the one pickup notice was issued
  ready_at timestamptz,
  created_at timestamptz NOT NULL
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  number text NOT NULL,
  -- the item version the case was received under; versions are frozen once published
  item_id uuid NOT NULL REFERENCES items(id),
  item_version_id uuid NOT NULL REFERENCES item_versions(id),
  item_name text NOT NULL,
  department_id uuid NOT NULL REFERENCES departments(id),
  window_id uuid REFERENCES windows(id),
  channel text NOT NULL CHECK (channel IN ('counter', 'online')),
  bundle_id uuid REFERENCES case_bundles(id),
  subject text NOT NULL DEFAULT '',
  received_by uuid REFERENCES users(id),
  received_by_name text NOT NULL,

  -- State, kept consistent with case_events (see src/domain/cases for the invariants).
  status text NOT NULL CHECK (status IN ('draft', 'received', 'supplement_requested', 'refused', 'accepted',
                                         'paused', 'concluded', 'delivered', 'closed')),
  kind text NOT NULL CHECK (kind IN ('immediate', 'promised')),
  outcome text CHECK (outcome IN ('approved', 'denied', 'forwarded', 'withdrawn', 'voided')),
  step_index integer NOT NULL DEFAULT 0,
  step_count integer NOT NULL CHECK (step_count >= 1),
  step_name text NOT NULL DEFAULT '',
  step_role text NOT NULL DEFAULT '',
  pause_kind text,
  pause_expected_days integer,
  extended boolean NOT NULL DEFAULT false,
  deemed_accepted boolean NOT NULL DEFAULT false,
  negative_reported boolean NOT NULL DEFAULT false,
  converted_from_immediate boolean NOT NULL DEFAULT false,
  supplement_requests integer NOT NULL DEFAULT 0,
  flags text[] NOT NULL DEFAULT '{}',

  -- The applicant as entered at the window (stored in full, masked in lists), linked to a portal
  -- account when one holds the same ID document.
  applicant_id uuid REFERENCES applicants(id),
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('person', 'enterprise')),
  applicant_name text NOT NULL,
  applicant_id_type text NOT NULL CHECK (applicant_id_type IN ('resident_id', 'credit_code', 'passport', 'other')),
  applicant_id_number text NOT NULL,
  applicant_phone text NOT NULL,
  applicant_address text NOT NULL DEFAULT '',
  legal_representative text NOT NULL DEFAULT '',
  agent_name text,
  agent_id_type text CHECK (agent_id_type IN ('resident_id', 'passport', 'other')),
  agent_id_number text,
  agent_phone text,

  -- Fees in fen: what was charged against the catalog standard; a difference needs a reason.
  fee_standard_fen bigint NOT NULL DEFAULT 0,
  fee_charged_fen bigint NOT NULL DEFAULT 0,
  fee_lines jsonb NOT NULL DEFAULT '[]',
  fee_reason text,
  fee_mismatch boolean NOT NULL DEFAULT false,

  -- The clock. Limits are copied from the pinned version (frozen anyway) so lists need no join.
  received_at timestamptz NOT NULL,
  last_received_at timestamptz NOT NULL,
  accepted_at timestamptz,
  promised_limit_amount integer NOT NULL,
  promised_limit_unit text NOT NULL CHECK (promised_limit_unit IN ('workday', 'day', 'workhour')),
  legal_limit_amount integer NOT NULL,
  legal_limit_unit text NOT NULL CHECK (legal_limit_unit IN ('workday', 'day', 'workhour')),
  -- promised due (承诺办结时间) and legal due, recomputed with the calendar on every clock change;
  -- while paused, the due as of the pause start (the clock is stopped, remaining days frozen).
  due_at timestamptz,
  legal_due_at timestamptz,
  paused_at timestamptz,
  step_entered_at timestamptz,
  step_due_at timestamptz,
  concluded_at timestamptz,
  delivered_at timestamptz,
  closed_at timestamptz,

  -- Result and delivery
  certificate jsonb,
  forwarded_to text,
  delivery_method text CHECK (delivery_method IN ('window', 'courier', 'electronic')),
  tracking_number text,
  -- the number of events so far: the next event's seq
  event_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, number),
  CHECK ((outcome IS NOT NULL) = (status IN ('concluded', 'delivered', 'closed'))),
  CHECK ((pause_kind IS NOT NULL) = (status = 'paused')),
  CHECK (step_index >= 0 AND step_index < step_count),
  CHECK (fee_charged_fen = fee_standard_fen OR fee_reason IS NOT NULL)
);
-- Lists: a center's (or a department's) cases newest first; the first page of a million cases is
-- one short index range per center. The public lookup uses UNIQUE (center_id, number): the number
-- begins with the center's code.
CREATE INDEX cases_center_received_idx ON cases (center_id, received_at DESC, id DESC);
CREATE INDEX cases_department_idx ON cases (department_id, received_at DESC, id DESC);
-- Deadline sweeps and the overdue filter run over open cases by due; the approver's inbox by step due.
CREATE INDEX cases_open_due_idx ON cases (center_id, due_at) WHERE status IN ('accepted', 'paused');
CREATE INDEX cases_department_step_due_idx ON cases (department_id, step_due_at) WHERE status IN ('accepted', 'paused');
-- The 5-working-day watchdog (行政许可法 第32条) looks only at received cases; the 即办 check at
-- immediate cases still open.
CREATE INDEX cases_received_watch_idx ON cases (last_received_at) WHERE status = 'received';
CREATE INDEX cases_immediate_open_idx ON cases (accepted_at) WHERE status = 'accepted' AND kind = 'immediate';
-- The transfer list (转办明细表) of a day; the applicant's own cases; the parts of a bundle.
CREATE INDEX cases_center_accepted_idx ON cases (center_id, accepted_at) WHERE accepted_at IS NOT NULL;
CREATE INDEX cases_applicant_idx ON cases (applicant_id, received_at DESC) WHERE applicant_id IS NOT NULL;
CREATE INDEX cases_bundle_idx ON cases (bundle_id) WHERE bundle_id IS NOT NULL;

-- Every action on a case, append-only: GB/T 39046 and the provincial exchange formats are
-- regenerated from these rows, never typed by hand.
CREATE TABLE case_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  seq integer NOT NULL,
  type text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  step_index integer,
  step_name text,
  actor_id uuid REFERENCES users(id),
  actor_name text NOT NULL,
  actor_role text NOT NULL,
  org_id uuid,
  org_name text NOT NULL,
  org_credit_code text NOT NULL DEFAULT '',
  at timestamptz NOT NULL,
  opinion text NOT NULL DEFAULT '',
  payload jsonb NOT NULL DEFAULT '{}',
  UNIQUE (case_id, seq)
);
CREATE INDEX case_events_center_at_idx ON case_events (center_id, at);

CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case events are append-only' USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER case_events_append_only_trg BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_append_only();

-- Materials as received: one row per material of the pinned version (and any extra the officer
-- named). 容缺 (deferred) materials are accepted now and supplied later (supplied_at).
CREATE TABLE case_materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  seq integer NOT NULL,
  material_key text,
  name text NOT NULL,
  necessity text NOT NULL CHECK (necessity IN ('mandatory', 'optional', 'deferrable')),
  originals_required integer NOT NULL DEFAULT 0,
  copies_required integer NOT NULL DEFAULT 0,
  originals_received integer NOT NULL DEFAULT 0,
  copies_received integer NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('received', 'missing', 'deferred', 'not_applicable')),
  note text NOT NULL DEFAULT '',
  supplied_at timestamptz,
  UNIQUE (case_id, seq)
);

-- 特别程序 (第45条): paused intervals of the clock.
CREATE TABLE case_pauses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  kind text NOT NULL,
  expected_working_days integer NOT NULL CHECK (expected_working_days > 0),
  reason text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  result text NOT NULL DEFAULT '',
  started_by_name text NOT NULL,
  ended_by_name text,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX case_pauses_case_idx ON case_pauses (case_id, started_at);
CREATE UNIQUE INDEX case_pauses_one_open_idx ON case_pauses (case_id) WHERE ended_at IS NULL;

-- 延期 (第42条): approved by the department head, whose name is recorded.
CREATE TABLE case_extensions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  working_days integer NOT NULL CHECK (working_days > 0),
  approved_by text NOT NULL,
  reason text NOT NULL,
  approved_at timestamptz NOT NULL,
  recorded_by_name text NOT NULL
);
CREATE INDEX case_extensions_case_idx ON case_extensions (case_id, approved_at);

-- Documents issued from a recorded state: `event_id` is the event that issued it and `data` the
-- snapshot it prints, so the PDF (rendered on first print, then kept) can only show what was recorded.
CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  kind text NOT NULL,
  number text NOT NULL,
  event_id bigint NOT NULL REFERENCES case_events(id),
  data jsonb NOT NULL,
  pdf bytea,
  sha256 text,
  issued_at timestamptz NOT NULL,
  issued_by_name text NOT NULL,
  UNIQUE (center_id, number)
);
CREATE INDEX case_documents_case_idx ON case_documents (case_id, issued_at);
