-- Users, sessions and the audit log (docs/roles.md).
-- role: admin 信息中心, leader 局领导, supervisor 监督检查室, section 股室, department 预算单位, town 镇(中心).
CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  username        VARCHAR NOT NULL UNIQUE,
  display_name    VARCHAR,
  role            VARCHAR NOT NULL CHECK (role IN ('admin', 'leader', 'supervisor', 'section', 'department', 'town')),
  unit_id         INTEGER,            -- the 股室/预算单位/镇 a scoped role is bound to
  password_hash   VARCHAR NOT NULL,   -- scrypt$N$r$p$salt$hash
  disabled        BOOLEAN NOT NULL DEFAULT false,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TIMESTAMP,
  created_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
  updated_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE SEQUENCE user_seq START 1;

-- Server-side sessions: the cookie holds a random token, the table only its sha256.
CREATE TABLE sessions (
  token_hash VARCHAR PRIMARY KEY,
  user_id    INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  last_seen  TIMESTAMP NOT NULL DEFAULT current_timestamp,
  expires_at TIMESTAMP NOT NULL
);

-- 审计日志: append-only from the application (no route updates or deletes it).
CREATE TABLE audit_log (
  id       BIGINT PRIMARY KEY,
  happened_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  actor    VARCHAR,                 -- username, or the name tried on a failed login
  action   VARCHAR NOT NULL,        -- login, login_failed, logout, import, rollback, settings, user_create …
  target   VARCHAR,
  detail   VARCHAR,                 -- JSON
  ip       VARCHAR
);
CREATE SEQUENCE audit_seq START 1;
