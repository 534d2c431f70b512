-- Decisions on record (records/): one row per answered POST /recommend, the same migration for the
-- embedded H2 file and for PostgreSQL. request and answer are the bytes as read and as served
-- (UTF-8 JSON); the other columns are what GET /decisions filters, pages and shows.
CREATE TABLE decision_record (
  id             UUID                     NOT NULL PRIMARY KEY,
  decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  rules_version  VARCHAR(64)              NOT NULL,
  rules_commit   VARCHAR(64),
  recommendation VARCHAR(16),
  explain        VARCHAR(16),
  request        BYTEA                    NOT NULL,
  answer         BYTEA                    NOT NULL
);

-- the sweeper, the newest-first listing and the replay's last N
CREATE INDEX decision_record_decided_at ON decision_record (decided_at);
-- GET /decisions?recommendation=
CREATE INDEX decision_record_recommendation ON decision_record (recommendation, decided_at);
