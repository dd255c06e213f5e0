-- The service catalog (事项清单): items with immutable published versions, their review workflow,
-- clean-up campaigns (事项清理), the windows/staff skills matrix (全岗通) and attached files.

-- Item types: a semantic key inside, standard codes mapped at the edges (GB/T 39046 附录 A.1, and the
-- provincial letter codes of some item libraries), so a second code system never rewrites items.
CREATE TABLE item_types (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  sort integer NOT NULL
);

CREATE TABLE item_type_codes (
  system text NOT NULL CHECK (system IN ('gbt39046', 'provincial')),
  code text NOT NULL,
  item_type text NOT NULL REFERENCES item_types(id),
  PRIMARY KEY (system, code)
);

INSERT INTO item_types (id, name_zh, name_en, sort) VALUES
  ('power', '行政权力事项', 'Administrative power', 0),
  ('licensing', '行政许可', 'Administrative licensing', 1),
  ('penalty', '行政处罚', 'Administrative penalty', 2),
  ('enforcement', '行政强制', 'Administrative enforcement', 3),
  ('levy', '行政征收', 'Administrative levy', 4),
  ('benefit', '行政给付', 'Administrative benefit', 5),
  ('inspection', '行政检查', 'Administrative inspection', 6),
  ('confirmation', '行政确认', 'Administrative confirmation', 7),
  ('reward', '行政奖励', 'Administrative reward', 8),
  ('adjudication', '行政裁决', 'Administrative adjudication', 9),
  ('other', '其他类别事项', 'Other', 10),
  ('public_service', '公共服务事项', 'Public service', 20);

INSERT INTO item_type_codes (system, code, item_type) VALUES
  ('gbt39046', '00', 'power'),
  ('gbt39046', '01', 'licensing'),
  ('gbt39046', '02', 'penalty'),
  ('gbt39046', '03', 'enforcement'),
  ('gbt39046', '04', 'levy'),
  ('gbt39046', '05', 'benefit'),
  ('gbt39046', '06', 'inspection'),
  ('gbt39046', '07', 'confirmation'),
  ('gbt39046', '08', 'reward'),
  ('gbt39046', '09', 'adjudication'),
  ('gbt39046', '10', 'other'),
  ('gbt39046', '20', 'public_service'),
  ('provincial', 'XK', 'licensing'),
  ('provincial', 'CF', 'penalty'),
  ('provincial', 'QZ', 'enforcement'),
  ('provincial', 'ZS', 'levy'),
  ('provincial', 'GF', 'benefit'),
  ('provincial', 'JC', 'inspection'),
  ('provincial', 'QR', 'confirmation'),
  ('provincial', 'JL', 'reward'),
  ('provincial', 'CJ', 'adjudication'),
  ('provincial', 'QT', 'other'),
  ('provincial', 'GG', 'public_service');

-- 事项清理: a campaign groups the center's departments in phases.
CREATE TABLE catalog_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('planning', 'active', 'closed')),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  started_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX catalog_campaigns_center_idx ON catalog_campaigns (center_id, created_at DESC);

CREATE TABLE catalog_campaign_phases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES catalog_campaigns(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  seq integer NOT NULL,
  name text NOT NULL,
  due_on date,
  status text NOT NULL CHECK (status IN ('pending', 'active', 'completed')),
  started_at timestamptz,
  completed_at timestamptz,
  UNIQUE (campaign_id, seq)
);

-- A department takes part in one phase of a campaign.
CREATE TABLE catalog_campaign_departments (
  campaign_id uuid NOT NULL REFERENCES catalog_campaigns(id),
  phase_id uuid NOT NULL REFERENCES catalog_campaign_phases(id),
  department_id uuid NOT NULL REFERENCES departments(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  PRIMARY KEY (campaign_id, department_id)
);
CREATE INDEX catalog_campaign_departments_phase_idx ON catalog_campaign_departments (phase_id);

-- An item is the stable identity (实施清单 entry of one center); everything the public is promised
-- lives in its versions. `current_version_id` / `next_version_id` are read-path pointers kept by the
-- service when a version is published (the effective version at a date is always derivable from
-- item_versions alone; see catalog.versions.ts).
CREATE TABLE items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  department_id uuid NOT NULL REFERENCES departments(id),
  basic_code text NOT NULL CHECK (length(basic_code) BETWEEN 1 AND 50),
  impl_code text NOT NULL CHECK (length(impl_code) BETWEEN 1 AND 50),
  current_version_id uuid,
  next_version_id uuid,
  next_effective_from date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, basic_code),
  UNIQUE (center_id, impl_code)
);
CREATE INDEX items_department_idx ON items (department_id);
-- Lists page in 实施编码 order across centers (the public list).
CREATE INDEX items_impl_code_idx ON items (impl_code);

CREATE TABLE item_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES items(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  version_no integer NOT NULL CHECK (version_no >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'department_review', 'center_review', 'published', 'cancelled')),
  campaign_id uuid REFERENCES catalog_campaigns(id),
  change_note text NOT NULL DEFAULT '',
  effective_from date,
  name text NOT NULL,
  item_type text NOT NULL REFERENCES item_types(id),
  exercise_level text NOT NULL CHECK (exercise_level IN ('county', 'township', 'village')),
  accept_levels text[] NOT NULL,
  case_type text NOT NULL CHECK (case_type IN ('immediate', 'promised')),
  legal_limit_amount integer NOT NULL CHECK (legal_limit_amount >= 0),
  legal_limit_unit text NOT NULL CHECK (legal_limit_unit IN ('workday', 'day', 'workhour')),
  legal_limit_note text NOT NULL DEFAULT '',
  promised_limit_amount integer NOT NULL CHECK (promised_limit_amount >= 0),
  promised_limit_unit text NOT NULL CHECK (promised_limit_unit IN ('workday', 'day', 'workhour')),
  handling_modes text[] NOT NULL,
  visits_required integer NOT NULL CHECK (visits_required >= 0),
  visits_reason text NOT NULL DEFAULT '',
  online_depth integer NOT NULL,
  legal_basis text NOT NULL,
  conditions text NOT NULL,
  special_procedures text[] NOT NULL,
  result_name text NOT NULL,
  result_kind text NOT NULL,
  location text NOT NULL,
  hours text NOT NULL,
  phone text NOT NULL,
  complaint_phone text NOT NULL,
  themes text[] NOT NULL,
  -- Child lists are part of the immutable snapshot and always read whole: jsonb validated by the zod
  -- contract (see docs/architecture.md, "catalog versions as snapshots").
  steps jsonb NOT NULL,
  fees jsonb NOT NULL,
  materials jsonb NOT NULL,
  situations jsonb NOT NULL,
  faq jsonb NOT NULL,
  -- Lower-cased name, codes and themes for substring search of Chinese text (no word splitting).
  search_text text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz,
  department_reviewed_by uuid REFERENCES users(id),
  department_reviewed_by_name text,
  department_reviewed_at timestamptz,
  approved_by uuid REFERENCES users(id),
  approved_by_name text,
  approved_at timestamptz,
  published_at timestamptz,
  cancelled_at timestamptz,
  UNIQUE (item_id, version_no),
  CHECK (status <> 'published' OR effective_from IS NOT NULL),
  CHECK (promised_limit_unit = legal_limit_unit OR promised_limit_amount = 0
         OR (promised_limit_unit = 'day' AND legal_limit_unit = 'workday'))
);
-- At most one version of an item is being worked on at a time.
CREATE UNIQUE INDEX item_versions_one_open_idx ON item_versions (item_id)
  WHERE status IN ('draft', 'department_review', 'center_review');
CREATE INDEX item_versions_published_idx ON item_versions (item_id, effective_from DESC, version_no DESC)
  WHERE status = 'published';
CREATE INDEX item_versions_center_status_idx ON item_versions (center_id, status);
CREATE INDEX item_versions_campaign_idx ON item_versions (campaign_id) WHERE campaign_id IS NOT NULL;

ALTER TABLE items ADD CONSTRAINT items_current_version_fk FOREIGN KEY (current_version_id) REFERENCES item_versions(id);
ALTER TABLE items ADD CONSTRAINT items_next_version_fk FOREIGN KEY (next_version_id) REFERENCES item_versions(id);

-- Publishing a new version never changes what an existing case was accepted under: a published or
-- cancelled version is frozen, whatever code runs against the database.
CREATE FUNCTION item_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('published', 'cancelled') THEN
    RAISE EXCEPTION 'item version % is % and cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER item_versions_frozen_trg BEFORE UPDATE OR DELETE ON item_versions
  FOR EACH ROW EXECUTE FUNCTION item_versions_frozen();

-- The workflow log of a version: every status change and every comment, append-only.
CREATE TABLE item_version_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id uuid NOT NULL REFERENCES item_versions(id),
  item_id uuid NOT NULL REFERENCES items(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  action text NOT NULL CHECK (action IN ('create', 'edit', 'submit', 'approve', 'return', 'cancel', 'publish', 'comment')),
  from_status text,
  to_status text,
  actor_id uuid REFERENCES users(id),
  actor_name text NOT NULL,
  comment text NOT NULL DEFAULT '',
  at timestamptz NOT NULL
);
CREATE INDEX item_version_events_version_idx ON item_version_events (version_id, id);

-- 全岗通 skills matrix: which windows and which staff may accept an item (read by the hall queue).
CREATE TABLE item_windows (
  item_id uuid NOT NULL REFERENCES items(id),
  window_id uuid NOT NULL REFERENCES windows(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  PRIMARY KEY (item_id, window_id)
);
CREATE INDEX item_windows_window_idx ON item_windows (window_id);

CREATE TABLE item_staff (
  item_id uuid NOT NULL REFERENCES items(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  center_id uuid NOT NULL REFERENCES centers(id),
  PRIMARY KEY (item_id, staff_id)
);
CREATE INDEX item_staff_staff_idx ON item_staff (staff_id);

-- Blank forms and samples of materials (空白表格 / 示例样表), stored in the database so one backup
-- holds everything; public once a published version references them.
CREATE TABLE catalog_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  name text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL
);
