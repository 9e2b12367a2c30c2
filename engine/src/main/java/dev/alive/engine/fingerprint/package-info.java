/**
 * SHA-256 fingerprints of values ({@link dev.alive.engine.fingerprint.Fingerprints}) and file
 * trees ({@link dev.alive.engine.fingerprint.TreeFingerprinter}), with a per-file hash cache
 * guarded by the racy-timestamp rule, and the differences between two tree snapshots
 * ({@link dev.alive.engine.fingerprint.TreeDiff}).
 */
package dev.alive.engine.fingerprint;
