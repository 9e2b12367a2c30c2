/**
 * The store SPI: what the engine keeps between runs, behind {@link dev.alive.engine.store.StateStore}
 * (committed task states, {@link dev.alive.engine.store.RunRecord}s of each
 * {@link dev.alive.engine.store.RunKind}, their {@link dev.alive.engine.store.JournalEntry}s, unit
 * locks held by a {@link dev.alive.engine.store.LockOwner}, the {@link dev.alive.engine.store.FileHashCache}).
 * Implementations pass {@code StateStoreContract} (engine test jar, next to the test double
 * {@code InMemoryStateStore}). Depends only on the task SPI.
 */
package dev.alive.engine.store;
