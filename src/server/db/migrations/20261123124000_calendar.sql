-- The working-day calendar (工作日历): days and working hours per center, inherited down the
-- county → township → village tree unless a center overrides them.

-- One row per center and day. The county (root) holds the full calendar (seeded 2004–2026 from
-- chinese-days, later years entered by administrators when the State Council publishes them); a
-- township or village row is an override of the day it inherits. A year counts as configured when
-- the effective calendar has a row in it; a day of an unconfigured year is never guessed.
CREATE TABLE calendar_days (
  center_id uuid NOT NULL REFERENCES centers(id),
  day date NOT NULL,
  is_workday boolean NOT NULL,
  -- 春节, 国庆节, 调休上班（春节）…; null for an ordinary day
  name text,
  source text NOT NULL CHECK (source IN ('seed', 'admin')),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (center_id, day)
);

-- Working hours (作息时间) with seasonal variants, as validated JSON:
-- { periods: [{ start: 'HH:MM', end: 'HH:MM' }], seasons: [{ from: 'MM-DD', to: 'MM-DD', periods }] }.
-- A center without a row inherits its nearest ancestor's.
CREATE TABLE calendar_hours (
  center_id uuid PRIMARY KEY REFERENCES centers(id),
  hours jsonb NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL
);

-- Cache validation for the in-memory calendar indexes (calendar.service.ts). Every edit of a
-- center's days or hours gives that center AND every center below it a new random version in the
-- same transaction, so a process holding a cached index notices with one primary-key lookup. Random
-- (not a counter) so a restored backup or a copied database can never repeat a version with
-- different contents.
CREATE TABLE calendar_versions (
  center_id uuid PRIMARY KEY REFERENCES centers(id),
  version uuid NOT NULL,
  updated_at timestamptz NOT NULL
);
