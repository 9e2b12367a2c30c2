/**
 * The thirteen tasks of a site (dns, account, port, user, install, release, build, env, service,
 * activate, health, proxy, register), each idempotent, fingerprinted and undoable. They reach the
 * machine only through the Host port ({@code dev.alive.tasks.host.Machine}), never through
 * {@code java.nio.file.Files}. The compiler in {@code dev.alive.tasks} wires them.
 */
package dev.alive.tasks.site;
