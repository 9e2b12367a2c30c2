/** Keeping secrets out of what alive prints: the one redaction rule for URLs with credentials. */
package dev.alive.engine.secret;
