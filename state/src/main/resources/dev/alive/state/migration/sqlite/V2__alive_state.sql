-- alive's own tables; instants are epoch microseconds.
CREATE TABLE alive_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE alive_runs (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id      TEXT NOT NULL UNIQUE,
    unit        TEXT NOT NULL,
    kind        TEXT,
    host        TEXT,
    pid         INTEGER NOT NULL,
    started_at  INTEGER,
    finished_at INTEGER,
    outcome     TEXT NOT NULL,
    summary     TEXT
);
CREATE INDEX alive_runs_unit_seq ON alive_runs (unit, seq);

CREATE TABLE alive_journal (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id  TEXT NOT NULL REFERENCES alive_runs (run_id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    task    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    key     TEXT,
    detail  TEXT,
    pending TEXT,
    at      INTEGER
);
CREATE INDEX alive_journal_run_seq ON alive_journal (run_id, seq);

CREATE TABLE alive_task_states (
    unit         TEXT NOT NULL,
    name         TEXT NOT NULL,
    run_id       TEXT,
    committed_at INTEGER,
    state        TEXT NOT NULL,
    PRIMARY KEY (unit, name)
) WITHOUT ROWID;

CREATE TABLE alive_locks (
    unit      TEXT PRIMARY KEY,
    host      TEXT NOT NULL,
    pid       INTEGER NOT NULL,
    run_id    TEXT NOT NULL,
    heartbeat INTEGER NOT NULL
);

CREATE TABLE alive_manifests (
    fingerprint TEXT PRIMARY KEY,
    entries     INTEGER NOT NULL,
    content     BLOB NOT NULL,
    created_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE alive_file_hashes (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode    INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    sha256   TEXT NOT NULL
) WITHOUT ROWID;
