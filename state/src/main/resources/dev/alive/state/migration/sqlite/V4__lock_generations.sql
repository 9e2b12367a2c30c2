-- Fencing: each hold of a unit's lock has a generation, higher than any earlier one of the unit;
-- commits and run finishes check it. The counter outlives the lock row (deleted on release).
ALTER TABLE alive_locks ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;

CREATE TABLE alive_lock_generations (
    unit       TEXT PRIMARY KEY,
    generation INTEGER NOT NULL
) WITHOUT ROWID;
