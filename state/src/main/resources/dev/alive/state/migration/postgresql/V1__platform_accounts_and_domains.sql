-- The platform's own tables (read directly by its login, billing and dashboard).
-- Created only when missing; alive only ever adds columns and indexes, never drops or renames.
CREATE SCHEMA IF NOT EXISTS iam;
CREATE SCHEMA IF NOT EXISTS app;

CREATE TABLE IF NOT EXISTS iam.users (
    user_id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL UNIQUE,
    password_hash text,
    status        text NOT NULL DEFAULT 'active',
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS iam.orgs (
    org_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    credits    integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS iam.org_memberships (
    org_id  uuid NOT NULL REFERENCES iam.orgs (org_id),
    user_id uuid NOT NULL REFERENCES iam.users (user_id),
    role    text NOT NULL CHECK (role IN ('owner', 'member')),
    PRIMARY KEY (org_id, user_id)
);

CREATE TABLE IF NOT EXISTS app.domains (
    hostname   text PRIMARY KEY,
    port       integer,
    org_id     uuid REFERENCES iam.orgs (org_id),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- What alive adds to a domain: the host it lives on (NULL for rows made before alive: any host
-- may adopt them), whether it is only reserved or live, and which release is current.
ALTER TABLE app.domains ADD COLUMN IF NOT EXISTS host text;
ALTER TABLE app.domains ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active';
ALTER TABLE app.domains ADD COLUMN IF NOT EXISTS current_release text;
ALTER TABLE app.domains ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();

-- A port is unique per host: the database itself makes port allocation race-free.
CREATE UNIQUE INDEX IF NOT EXISTS domains_alive_host_port_key ON app.domains (host, port);
