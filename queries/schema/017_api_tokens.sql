-- Personal API tokens (docs/security.md "API tokens"): a machine (the CLI's `import --server`) acts as the token's
-- user. The token is a random 32-byte secret shown once; only its sha256 is kept. A token is live while not revoked
-- and not past its expiry (NULL: no expiry); revoked rows stay, so the page and the audit log can still name them.
CREATE SEQUENCE api_token_seq START 1;
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY DEFAULT nextval('api_token_seq'),
  user_id      INTEGER NOT NULL,
  name         VARCHAR NOT NULL,
  token_hash   VARCHAR NOT NULL UNIQUE,
  created_at   TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
  expires_at   TIMESTAMP,
  last_used_at TIMESTAMP,
  revoked_at   TIMESTAMP,
  revoked_by   VARCHAR
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
