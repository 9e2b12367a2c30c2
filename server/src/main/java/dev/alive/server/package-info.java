/**
 * {@code alive serve}: the HTTP adapter over deploy's operations (JSON, Server-Sent Events), every
 * endpoint behind a bearer token. Entry point: {@link dev.alive.server.AliveServer}.
 */
package dev.alive.server;
