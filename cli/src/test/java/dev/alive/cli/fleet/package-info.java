/**
 * End-to-end tests of alive as an operator runs it: separate JVMs running the real CLI against one
 * PostgreSQL state store, each test in a fresh database. Concurrent first deploys, site locks
 * between processes, a run killed with SIGKILL and recovered, several hosts sharing a database, an
 * unreachable database, libpq environment variables.
 */
package dev.alive.cli.fleet;
