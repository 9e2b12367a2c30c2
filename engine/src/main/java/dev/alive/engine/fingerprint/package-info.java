/** SHA-256 fingerprints of values and file trees, with a per-file hash cache. */
package dev.alive.engine.fingerprint;
