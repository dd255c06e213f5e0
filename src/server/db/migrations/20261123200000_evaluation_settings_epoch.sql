-- Bumped by every save of evaluation settings. A server process keeps the policies it read for as
-- long as the epoch it read them under is the current one: every process sees a change at once, for
-- one primary-key read instead of walking the center tree on each evaluation.
CREATE TABLE evaluation_settings_epoch (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  epoch bigint NOT NULL
);
INSERT INTO evaluation_settings_epoch (id, epoch) VALUES (true, 0);
