-- The same model as the platform's PostgreSQL tables (iam.users, iam.orgs, iam.org_memberships,
-- app.domains), in one file. UUIDs are text; updated_at is epoch microseconds.
CREATE TABLE IF NOT EXISTS users (
    user_id       TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    status        TEXT NOT NULL DEFAULT 'active',
    created_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS orgs (
    org_id     TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    credits    INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS org_memberships (
    org_id  TEXT NOT NULL REFERENCES orgs (org_id),
    user_id TEXT NOT NULL REFERENCES users (user_id),
    role    TEXT NOT NULL CHECK (role IN ('owner', 'member')),
    PRIMARY KEY (org_id, user_id)
);

CREATE TABLE IF NOT EXISTS domains (
    hostname        TEXT PRIMARY KEY,
    port            INTEGER,
    org_id          TEXT REFERENCES orgs (org_id),
    created_at      TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    host            TEXT,
    status          TEXT NOT NULL DEFAULT 'active',
    current_release TEXT,
    updated_at      INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX IF NOT EXISTS domains_host_port_key ON domains (host, port);
