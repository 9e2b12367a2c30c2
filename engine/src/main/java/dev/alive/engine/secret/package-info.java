/**
 * Keeping secrets out of what alive prints and stores: the one redaction rule for URLs with
 * credentials, and the redaction of known secret values in output lines.
 */
package dev.alive.engine.secret;
