-- The hall queue (排队叫号): halls and their settings, ticket categories bound to catalog items,
-- daily counters, window duty states, tickets with their events, and the public feed the displays
-- and phones follow. Bookings (预约) belong to the appointments feature, which checks them in as
-- appointment tickets through the hall's issueTicket.

-- A hall (大厅) is the `hall` name its windows carry within one center. Its settings are data: the
-- voice template, the rolling notice, the recall and re-queue caps, the priority weights.
-- `feed_seq` numbers the hall's public feed; taking it row-locks the hall until commit, so feed ids
-- are in commit order and a display that reconnects with the last id it saw misses nothing.
CREATE TABLE halls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  announcement_template text NOT NULL,
  notice text NOT NULL DEFAULT '',
  max_recalls integer NOT NULL CHECK (max_recalls BETWEEN 0 AND 10),
  max_requeues integer NOT NULL CHECK (max_requeues BETWEEN 0 AND 5),
  priority_weights jsonb NOT NULL,
  feed_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, name)
);

-- A ticket category (业务类别) of a hall: prefix letter, number range, daily reset and cap, bound to
-- catalog items so the queue matches the item list (and which windows call it follows the skills).
CREATE TABLE ticket_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  hall_id uuid NOT NULL REFERENCES halls(id),
  prefix text NOT NULL CHECK (prefix ~ '^[A-Z]$'),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  number_from integer NOT NULL CHECK (number_from >= 1),
  number_to integer NOT NULL CHECK (number_to <= 9999),
  daily_reset boolean NOT NULL DEFAULT true,
  daily_cap integer NOT NULL CHECK (daily_cap >= 1),
  -- prior of the wait estimate until live service times accumulate (minutes per visitor)
  expected_service_minutes numeric NOT NULL CHECK (expected_service_minutes > 0),
  sort integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (hall_id, prefix),
  CHECK (number_to >= number_from),
  -- a number is never issued twice on one business day
  CHECK (daily_cap <= number_to - number_from + 1)
);

CREATE TABLE ticket_category_items (
  category_id uuid NOT NULL REFERENCES ticket_categories(id),
  item_id uuid NOT NULL REFERENCES items(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  PRIMARY KEY (category_id, item_id)
);
CREATE INDEX ticket_category_items_item_idx ON ticket_category_items (item_id);

-- One row per category and business day: the issue count (for the daily cap) and the last number
-- (for a category without daily reset, the next day's row starts after it). Issuing locks the row.
CREATE TABLE ticket_counters (
  category_id uuid NOT NULL REFERENCES ticket_categories(id),
  business_date date NOT NULL,
  center_id uuid NOT NULL REFERENCES centers(id),
  issued integer NOT NULL,
  last_number integer,
  PRIMARY KEY (category_id, business_date)
);

-- Who is on duty at a window and whether it calls (open), is paused (暂停服务) or closed.
CREATE TABLE window_states (
  window_id uuid PRIMARY KEY REFERENCES windows(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  status text NOT NULL CHECK (status IN ('open', 'paused', 'closed')),
  staff_id uuid REFERENCES staff(id),
  pause_reason text NOT NULL DEFAULT '',
  since timestamptz NOT NULL,
  CHECK (status = 'closed' OR staff_id IS NOT NULL)
);

CREATE TABLE tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  hall_id uuid NOT NULL REFERENCES halls(id),
  category_id uuid NOT NULL REFERENCES ticket_categories(id),
  -- the civil date in China time (UTC+8) of the issue, from the server clock
  business_date date NOT NULL,
  number integer NOT NULL,
  display_number text NOT NULL,
  -- issue order within the category and day (the final tie-break of the queue order)
  seq integer NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled')),
  channel text NOT NULL CHECK (channel IN ('kiosk', 'guide', 'appointment')),
  item_id uuid REFERENCES items(id),
  priority text CHECK (priority IN ('elderly', 'disabled', 'military', 'pregnant')),
  priority_weight integer NOT NULL DEFAULT 0,
  priority_verified_by uuid REFERENCES staff(id),
  appointment_at timestamptz,
  issued_at timestamptz NOT NULL,
  queued_at timestamptz NOT NULL,
  window_id uuid REFERENCES windows(id),
  staff_id uuid REFERENCES staff(id),
  called_at timestamptz,
  first_called_at timestamptz,
  serving_at timestamptz,
  finished_at timestamptz,
  recall_count integer NOT NULL DEFAULT 0,
  requeue_count integer NOT NULL DEFAULT 0,
  transfer_count integer NOT NULL DEFAULT 0,
  -- the estimate printed on the ticket, kept to measure the estimation error
  estimated_wait_minutes integer,
  -- 从此号受理: the case opened from this ticket, and when it was accepted (call → acceptance is
  -- kept for supervision)
  case_id uuid REFERENCES cases(id),
  accepted_at timestamptz,
  UNIQUE (category_id, business_date, number),
  CHECK ((priority IS NULL) = (priority_weight = 0))
);
CREATE INDEX tickets_queue_idx ON tickets (hall_id, business_date, status);
CREATE INDEX tickets_window_idx ON tickets (window_id, business_date) WHERE window_id IS NOT NULL;
CREATE INDEX tickets_stats_idx ON tickets (hall_id, issued_at);
CREATE UNIQUE INDEX tickets_case_idx ON tickets (case_id) WHERE case_id IS NOT NULL;

-- Every change of a ticket, append-only, written in the transaction of the change.
CREATE TABLE ticket_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  hall_id uuid NOT NULL REFERENCES halls(id),
  type text NOT NULL CHECK (type IN ('issue', 'call', 'recall', 'start', 'finish', 'no_show', 'requeue', 'transfer', 'cancel', 'verify_priority', 'link_case')),
  from_status text,
  to_status text NOT NULL,
  window_id uuid REFERENCES windows(id),
  staff_id uuid REFERENCES staff(id),
  actor_name text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);
CREATE INDEX ticket_events_hall_at_idx ON ticket_events (hall_id, at);

-- The public feed of a hall (calls, counts, window states, notice) for displays and phones: no
-- personal data. Ids are per hall and in commit order (see halls.feed_seq); old rows are swept.
CREATE TABLE hall_feed (
  hall_id uuid NOT NULL REFERENCES halls(id),
  seq bigint NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (hall_id, seq)
);
CREATE INDEX hall_feed_at_idx ON hall_feed (at);

-- The queue's configuration stamp: a new random value whenever a category, a window, a staff
-- posting or the 全岗通 skills matrix changes (statement-level triggers, so one bump per edit). Each
-- process caches a hall's slowly changing state under this stamp and reads it with one primary-key
-- lookup per ticket instead of the whole skills matrix. Random, not a counter, so two copies of a
-- database edited differently never share a stamp.
CREATE TABLE queue_config_stamp (
  id integer PRIMARY KEY CHECK (id = 1),
  stamp uuid NOT NULL
);
INSERT INTO queue_config_stamp (id, stamp) VALUES (1, gen_random_uuid());

CREATE FUNCTION queue_config_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE queue_config_stamp SET stamp = gen_random_uuid() WHERE id = 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER item_windows_queue_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON item_windows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_config_bump();
CREATE TRIGGER item_staff_queue_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON item_staff
  FOR EACH STATEMENT EXECUTE FUNCTION queue_config_bump();
CREATE TRIGGER windows_queue_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON windows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_config_bump();
CREATE TRIGGER staff_queue_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff
  FOR EACH STATEMENT EXECUTE FUNCTION queue_config_bump();
CREATE TRIGGER ticket_categories_queue_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ticket_categories
  FOR EACH STATEMENT EXECUTE FUNCTION queue_config_bump();
CREATE TRIGGER ticket_category_items_queue_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ticket_category_items
  FOR EACH STATEMENT EXECUTE FUNCTION queue_config_bump();
