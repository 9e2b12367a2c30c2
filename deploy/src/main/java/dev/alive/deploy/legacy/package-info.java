/**
 * Reading a server the as-is scripts deployed, without changing anything on it: one reader per
 * source (the port registry or the state store's domains, the Caddyfile through {@code caddy
 * adapt}, the env files, the systemd template and its instances, the workspaces, the Linux users,
 * the listening ports), then {@link dev.alive.deploy.legacy.LegacyJoin}, which joins them by domain
 * into a {@link dev.alive.deploy.legacy.LegacySite} where every source agrees, or a refusal naming
 * every {@link dev.alive.deploy.legacy.Disagreement}. The removed registry keys ({@code
 * passwordHash}, {@code tenantId}, {@code email}, {@code credits}) are skipped unread.
 */
package dev.alive.deploy.legacy;
