-- API tokens of alive serve: a token is shown once when made and kept only as the SHA-256 of its
-- secret (a random 256-bit value, so a fast hash is enough); scope is read, deploy or admin.
CREATE TABLE alive_api_tokens (
    name       TEXT PRIMARY KEY,
    scope      TEXT NOT NULL CHECK (scope IN ('read', 'deploy', 'admin')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
