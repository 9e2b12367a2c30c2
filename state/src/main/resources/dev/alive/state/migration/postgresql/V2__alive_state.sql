-- alive's own tables, in their own schema (next to Flyway's history table).
CREATE SCHEMA IF NOT EXISTS alive;

-- One row per setting; 'fingerprint_key' holds the key secret inputs are digested with.
CREATE TABLE IF NOT EXISTS alive.settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE IF NOT EXISTS alive.runs (
    seq         bigserial NOT NULL UNIQUE,
    run_id      text PRIMARY KEY,
    unit        text NOT NULL,
    kind        text,
    host        text,
    pid         bigint NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz,
    outcome     text NOT NULL,
    summary     text
);
CREATE INDEX IF NOT EXISTS runs_unit_seq ON alive.runs (unit, seq);

-- pending: the task state (JSON) a SUCCEEDED entry would commit.
CREATE TABLE IF NOT EXISTS alive.journal (
    id      bigserial PRIMARY KEY,
    run_id  text NOT NULL REFERENCES alive.runs (run_id) ON DELETE CASCADE,
    seq     bigint NOT NULL,
    task    text NOT NULL,
    kind    text NOT NULL,
    key     text,
    detail  text,
    pending text,
    at      timestamptz
);
CREATE INDEX IF NOT EXISTS journal_run_seq ON alive.journal (run_id, seq);

-- state: the committed task state as JSON (fingerprints and outputs; never a secret).
CREATE TABLE IF NOT EXISTS alive.task_states (
    unit         text NOT NULL,
    name         text NOT NULL,
    run_id       text,
    committed_at timestamptz,
    state        text NOT NULL,
    PRIMARY KEY (unit, name)
);

CREATE TABLE IF NOT EXISTS alive.locks (
    unit      text PRIMARY KEY,
    host      text NOT NULL,
    pid       bigint NOT NULL,
    run_id    text NOT NULL,
    heartbeat timestamptz NOT NULL
);

-- Tree manifests, content-addressed by fingerprint and shared by every site; content is gzipped JSON.
CREATE TABLE IF NOT EXISTS alive.manifests (
    fingerprint text PRIMARY KEY,
    entries     integer NOT NULL,
    content     bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Content hashes by file identity; "C" collation so a directory's files are one key range.
CREATE TABLE IF NOT EXISTS alive.file_hashes (
    path     text COLLATE "C" PRIMARY KEY,
    size     bigint NOT NULL,
    mtime_ns bigint NOT NULL,
    inode    bigint NOT NULL,
    ctime_ns bigint NOT NULL,
    sha256   text NOT NULL
);
