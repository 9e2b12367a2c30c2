/**
 * The state store over JDBI: {@link dev.alive.state.AliveDatabase} opens SQLite (embedded, one file)
 * or PostgreSQL (the platform's database) from a URL, migrates it with Flyway when it is behind, and
 * hands out the engine's {@link dev.alive.engine.store.StateStore}, {@link dev.alive.state.Accounts} and
 * {@link dev.alive.state.Domains}. Everything else in this package is package-private machinery.
 */
package dev.alive.state;
