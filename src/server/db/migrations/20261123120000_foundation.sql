-- Foundation: the organisation (centers, departments, windows, staff), accounts, sessions, audit,
-- idempotency. Written for PostgreSQL 15 (the embedded PGlite is newer and accepts it too).

-- Centers form the county → township → village tree. `path` is the materialised chain of ids
-- ('/<county>/<township>/<village>/') so "this center and everything below it" is one prefix match.
CREATE TABLE centers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('county', 'township', 'village')),
  parent_id uuid REFERENCES centers(id),
  path text NOT NULL,
  region_code text NOT NULL,
  address text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX centers_path_idx ON centers (path text_pattern_ops);

-- 进驻单位: a department stationed in a center.
CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  code text NOT NULL,
  name text NOT NULL,
  short_name text NOT NULL,
  credit_code text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, code)
);

CREATE TABLE windows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  number text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('department', 'comprehensive')),
  department_id uuid REFERENCES departments(id),
  hall text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, number),
  -- a department window belongs to one department; a comprehensive window (综合窗口) to none
  CHECK ((kind = 'department') = (department_id IS NOT NULL))
);

-- Staff (挂牌上岗: badge number) with their AB岗 backup.
CREATE TABLE staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id uuid NOT NULL REFERENCES centers(id),
  department_id uuid REFERENCES departments(id),
  name text NOT NULL,
  gender text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
  post text NOT NULL,
  badge_number text NOT NULL,
  phone text NOT NULL DEFAULT '',
  window_id uuid REFERENCES windows(id),
  backup_of_id uuid REFERENCES staff(id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (center_id, badge_number),
  CHECK (backup_of_id IS NULL OR backup_of_id <> id)
);
CREATE INDEX staff_center_idx ON staff (center_id);

-- Applicants with portal accounts (people and enterprises).
CREATE TABLE applicants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person', 'enterprise')),
  name text NOT NULL,
  id_type text NOT NULL CHECK (id_type IN ('resident_id', 'credit_code', 'passport', 'other')),
  id_number text NOT NULL,
  phone text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  UNIQUE (id_type, id_number)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  roles text[] NOT NULL,
  center_id uuid REFERENCES centers(id),
  staff_id uuid UNIQUE REFERENCES staff(id),
  applicant_id uuid UNIQUE REFERENCES applicants(id),
  disabled boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- staff accounts live in a center; applicant accounts do not
  CHECK ((applicant_id IS NULL) = (center_id IS NOT NULL))
);

-- Server-side sessions: the cookie carries a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins, counted per username and per address in a sliding window (shared by all processes).
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_failures_username_idx ON login_failures (username, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

-- Append-only audit trail of changes to organisation, accounts and configuration.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  center_id uuid REFERENCES centers(id),
  actor_id uuid REFERENCES users(id),
  actor_name text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX audit_log_center_at_idx ON audit_log (center_id, at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- Idempotency keys of creating requests: a replay returns the first response.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);

-- Job leases: a periodic job runs on one server process at a time. Lease times are the database
-- server's own clock (infrastructure time, not the injectable domain clock).
CREATE TABLE job_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  until timestamptz NOT NULL
);
