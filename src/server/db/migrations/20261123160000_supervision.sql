-- E-supervision (电子监察): rules as data per center with per-item overrides, the sweep's per-case
-- bookkeeping, cards (预警 / 黄牌 / 红牌), reminders and supervision orders (催办 / 督办单), and the
-- notification outbox with the in-app inbox.

-- Rules as data (domain.md rule 8): one row per center and rule; a center without a row for a rule
-- inherits it from the nearest ancestor center that has one. `thresholds` is validated by the zod
-- contract of its rule (src/shared/contracts/supervision.ts) and by src/domain/supervision.
CREATE TABLE supervision_rules (
  center_id uuid NOT NULL REFERENCES centers(id),
  code text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  level text NOT NULL CHECK (level IN ('warning', 'yellow', 'red')),
  thresholds jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL,
  updated_by_name text NOT NULL,
  PRIMARY KEY (center_id, code)
);

-- An item may override a rule whole (e.g. a 3-day item gets its warning at 50 %).
CREATE TABLE supervision_item_rules (
  item_id uuid NOT NULL REFERENCES items(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  code text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  level text NOT NULL CHECK (level IN ('warning', 'yellow', 'red')),
  thresholds jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL,
  updated_by_name text NOT NULL,
  PRIMARY KEY (item_id, code)
);
CREATE INDEX supervision_item_rules_center_idx ON supervision_item_rules (center_id);

-- What the sweep knows about each case. The sweep is incremental: it looks only at cases that
-- changed since it last looked (`dirty`) or whose next threshold has come (`next_check_at`), both
-- through small partial indexes, so a sweep costs what changed, not how many cases exist.
-- `change_seq` counts changes: the sweep clears `dirty` only if no change came in while it evaluated.
CREATE TABLE supervision_case_state (
  case_id uuid PRIMARY KEY REFERENCES cases(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  dirty boolean NOT NULL DEFAULT true,
  change_seq bigint NOT NULL DEFAULT 1,
  next_check_at timestamptz,
  checked_at timestamptz,
  error text
);
CREATE INDEX supervision_case_state_dirty_idx ON supervision_case_state (center_id) WHERE dirty;
CREATE INDEX supervision_case_state_next_idx ON supervision_case_state (next_check_at)
  WHERE next_check_at IS NOT NULL;

-- Every write to a case row (every state change, clock change, fee, step) marks the case for the
-- next sweep, whatever code wrote it: supervision never depends on callers remembering to tell it.
CREATE FUNCTION supervision_mark_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO supervision_case_state (case_id, center_id, dirty, change_seq)
  VALUES (NEW.id, NEW.center_id, true, 1)
  ON CONFLICT (case_id) DO UPDATE SET dirty = true, change_seq = supervision_case_state.change_seq + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER cases_supervision_mark_trg AFTER INSERT OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION supervision_mark_case();

-- Linking a hall ticket to its case (受理与录入不同步 reads the call time) also marks the case.
CREATE FUNCTION supervision_mark_ticket_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.case_id IS NOT NULL THEN
    UPDATE supervision_case_state SET dirty = true, change_seq = change_seq + 1 WHERE case_id = NEW.case_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER tickets_supervision_mark_trg AFTER INSERT OR UPDATE OF case_id, called_at ON tickets
  FOR EACH ROW EXECUTE FUNCTION supervision_mark_ticket_case();

INSERT INTO supervision_case_state (case_id, center_id) SELECT id, center_id FROM cases;

-- A card is issued once per case × rule × level × subject (the subject tells two pauses or two steps
-- of one case apart): the unique index makes a second sweep, or two sweeps at once, a no-op.
CREATE TABLE supervision_cards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  case_id uuid NOT NULL REFERENCES cases(id),
  case_number text NOT NULL,
  item_id uuid NOT NULL REFERENCES items(id),
  item_name text NOT NULL,
  rule_code text NOT NULL,
  level text NOT NULL CHECK (level IN ('warning', 'yellow', 'red')),
  subject text NOT NULL DEFAULT '',
  persistence text NOT NULL CHECK (persistence IN ('live', 'record')),
  -- who answers for it: the department handling the case, its window and the officer who received it
  department_id uuid NOT NULL REFERENCES departments(id),
  window_id uuid REFERENCES windows(id),
  officer_staff_id uuid REFERENCES staff(id),
  officer_name text,
  threshold_at timestamptz,
  issued_at timestamptz NOT NULL,
  cleared_at timestamptz,
  clear_reason text CHECK (clear_reason IN ('concluded', 'condition_ended', 'pause_resumed', 'step_passed', 'manual')),
  cleared_by_name text,
  clear_note text,
  explanation_zh text NOT NULL,
  explanation_en text NOT NULL,
  facts jsonb NOT NULL,
  UNIQUE (case_id, rule_code, level, subject),
  CHECK ((cleared_at IS NULL) = (clear_reason IS NULL))
);
-- The desk's live lists and counts: open cards of a center by level.
CREATE INDEX supervision_cards_open_idx ON supervision_cards (center_id, level, issued_at DESC) WHERE cleared_at IS NULL;
-- The sweep reads the open cards of the cases it evaluates.
CREATE INDEX supervision_cards_case_open_idx ON supervision_cards (case_id) WHERE cleared_at IS NULL;
-- The accountability feed counts by month.
CREATE INDEX supervision_cards_issued_idx ON supervision_cards (center_id, issued_at);

-- Numbers of reminders and orders per center and year (督办〔2026〕3号).
CREATE TABLE supervision_counters (
  center_id uuid NOT NULL REFERENCES centers(id),
  scope text NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (center_id, scope)
);

-- 催办 (reminder) and 督办单 (supervision order) on a case or a department. Overdue orders escalate
-- blue → orange (cc the department leader) → red (cc the center leadership).
CREATE TABLE supervision_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reminder', 'order')),
  case_id uuid REFERENCES cases(id),
  card_id uuid REFERENCES supervision_cards(id),
  department_id uuid NOT NULL REFERENCES departments(id),
  content text NOT NULL,
  response_workdays integer NOT NULL CHECK (response_workdays BETWEEN 1 AND 30),
  response_due_at timestamptz NOT NULL,
  level text NOT NULL CHECK (level IN ('blue', 'orange', 'red')),
  status text NOT NULL CHECK (status IN ('open', 'responded', 'closed')),
  escalations integer NOT NULL DEFAULT 0,
  issued_by uuid REFERENCES users(id),
  issued_by_name text NOT NULL,
  issued_at timestamptz NOT NULL,
  response text,
  responded_by_name text,
  responded_at timestamptz,
  responded_late boolean,
  verdict text CHECK (verdict IN ('satisfied', 'unsatisfied')),
  verdict_note text,
  verdict_by_name text,
  verdict_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, number)
);
CREATE INDEX supervision_orders_center_idx ON supervision_orders (center_id, issued_at DESC);
CREATE INDEX supervision_orders_department_idx ON supervision_orders (department_id, status);
CREATE INDEX supervision_orders_case_idx ON supervision_orders (case_id) WHERE case_id IS NOT NULL;
-- The escalation job looks only at open orders past their response deadline.
CREATE INDEX supervision_orders_open_due_idx ON supervision_orders (response_due_at)
  WHERE status = 'open' AND level <> 'red';

-- The history of an order, append-only: issued, escalated, responded, verdict, closed.
CREATE TABLE supervision_order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES supervision_orders(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  action text NOT NULL CHECK (action IN ('issue', 'escalate', 'respond', 'verdict', 'close')),
  level text NOT NULL,
  actor_name text NOT NULL,
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL
);
CREATE INDEX supervision_order_events_order_idx ON supervision_order_events (order_id, id);
CREATE INDEX supervision_order_events_center_at_idx ON supervision_order_events (center_id, at);

-- The in-app inbox.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid REFERENCES centers(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- The outbox: written in the transaction that decides to notify (so a rolled-back card notifies
-- nobody), delivered by a job through the channel's adapter. `dedupe_key` makes each notice exist
-- once; a failed delivery is retried with back-off and given up after a few attempts.
CREATE TABLE notification_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  center_id uuid REFERENCES centers(id),
  dedupe_key text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('inbox', 'sms', 'email')),
  user_id uuid REFERENCES users(id),
  address text NOT NULL DEFAULT '',
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at) WHERE status = 'pending';
