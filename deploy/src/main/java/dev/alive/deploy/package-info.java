/**
 * The application floor: {@link dev.alive.deploy.HostOperations}, every operation on a host as a
 * typed request and result, the spec-set checks ({@link dev.alive.deploy.SpecSet}) and the
 * preflight. The CLI and the server are thin adapters over it.
 */
package dev.alive.deploy;
