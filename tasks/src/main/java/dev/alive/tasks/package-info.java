/**
 * The tasks module's entry point, {@link dev.alive.tasks.SiteCompiler} (sites and a host profile to
 * an engine task graph), the per-site {@link dev.alive.tasks.SiteContext} its tasks share, where a
 * site lives ({@link dev.alive.tasks.SitePaths}) and the releases it keeps
 * ({@link dev.alive.tasks.SiteReleases}).
 */
package dev.alive.tasks;
