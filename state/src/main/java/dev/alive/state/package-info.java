/** State stores over JDBI (SQLite, PostgreSQL), migrations, accounts and domains. */
package dev.alive.state;
