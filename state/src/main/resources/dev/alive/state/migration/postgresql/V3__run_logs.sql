-- The output lines of a run's tasks (install, build, undo), free of secrets, numbered from 1 per
-- run; a run keeps only its last lines (engine's RunLog bounds: 2,000 lines, 256 KiB), so the
-- lines before the first kept one were dropped. bytes: the UTF-8 size of text.
CREATE TABLE IF NOT EXISTS alive.run_logs (
    run_id  text NOT NULL REFERENCES alive.runs (run_id) ON DELETE CASCADE,
    line_no bigint NOT NULL,
    task    text NOT NULL,
    bytes   integer NOT NULL,
    text    text NOT NULL,
    PRIMARY KEY (run_id, line_no)
);
