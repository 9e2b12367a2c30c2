-- API tokens of alive serve: a token is shown once when made and kept only as the SHA-256 of its
-- secret (a random 256-bit value, so a fast hash is enough); scope is read, deploy or admin.
CREATE TABLE IF NOT EXISTS alive.api_tokens (
    name       text PRIMARY KEY,
    scope      text NOT NULL CHECK (scope IN ('read', 'deploy', 'admin')),
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
