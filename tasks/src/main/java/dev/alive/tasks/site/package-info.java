/**
 * The thirteen tasks of a site (dns, account, port, user, install, release, build, env, service,
 * activate, health, proxy, register), each idempotent, fingerprinted and undoable, over the
 * adapters of {@code dev.alive.tasks.system}. The compiler in {@code dev.alive.tasks} wires them.
 */
package dev.alive.tasks.site;
