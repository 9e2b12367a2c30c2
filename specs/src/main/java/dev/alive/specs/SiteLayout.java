package dev.alive.specs;

import java.nio.file.Path;

/**
 * How a site lies on the host. {@link Releases} is alive's own (release folders, alive's unit, its
 * own Caddy file); {@link AsIs} is a site the as-is scripts deployed, adopted where it stands
 * ({@code alive import legacy}), which alive records but never changes until the spec says
 * {@code layout: releases}.
 */
public sealed interface SiteLayout {

    /** alive's own layout: {@code releases/<id>/}, {@code current}, alive's unit and Caddy file. */
    record Releases() implements SiteLayout {
    }

    /**
     * A legacy site as it runs: the workspace in place (no {@code releases/}), an instance of the
     * template unit {@code site@.service}, the shared Caddyfile's block, the env file and user the
     * scripts made. Every path is absolute, as read on the server.
     *
     * @param slug as the unit instance and env file name say (never recomputed from the domain)
     * @param workspace the site's folder ({@code /srv/webalive/sites/<domain>})
     * @param appDir the app folder the unit runs in ({@code <workspace>/user})
     * @param unit the unit instance, {@code site@<slug>.service}
     * @param unitsDir the folder holding {@code site@.service} and the instance's drop-ins
     * @param envFile {@code /etc/sites/<slug>.env}
     * @param user the site's Linux user, {@code site-<slug>}
     * @param caddyfile the shared Caddyfile holding the site's block
     */
    record AsIs(String slug, Path workspace, Path appDir, String unit, Path unitsDir, Path envFile, String user,
                Path caddyfile) implements SiteLayout {

        /** The unit file the instance runs from. */
        public Path templateUnit() {
            return unitsDir.resolve("site@.service");
        }

        /** The instance's drop-in folder ({@code site@<slug>.service.d}), which may not exist. */
        public Path dropInDir() {
            return unitsDir.resolve(unit + ".d");
        }
    }
}
