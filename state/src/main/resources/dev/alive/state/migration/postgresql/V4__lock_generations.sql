-- Fencing: each hold of a unit's lock has a generation, higher than any earlier one of the unit;
-- commits and run finishes check it. The counter outlives the lock row (deleted on release).
ALTER TABLE alive.locks ADD COLUMN IF NOT EXISTS generation bigint NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS alive.lock_generations (
    unit       text PRIMARY KEY,
    generation bigint NOT NULL
);
