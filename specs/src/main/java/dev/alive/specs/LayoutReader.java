package dev.alive.specs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code layout:}: {@code kind: releases} (alive's own, the default) or {@code kind: as-is} with its places. */
final class LayoutReader {

    static final String RELEASES = "releases";
    static final String AS_IS = "as-is";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,252}");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private final Problems problems;

    LayoutReader(Problems problems) {
        this.problems = problems;
    }

    /** True when the layout mapping says {@code kind: as-is} (whatever else is wrong with it). */
    static boolean saysAsIs(org.yaml.snakeyaml.nodes.Node layout) {
        return layout instanceof org.yaml.snakeyaml.nodes.MappingNode mapping && mapping.getValue().stream()
                .anyMatch(tuple -> tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("kind")
                        && tuple.getValueNode() instanceof ScalarNode value && value.getValue().trim().equals(AS_IS));
    }

    Optional<SiteLayout> read(Fields layout) {
        Optional<String> kind = layout.required("kind", "write kind: releases (alive's own) or kind: as-is (adopted)")
                .flatMap(this::kind);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (kind.get().equals(RELEASES)) {
            for (String key : SpecKeys.SITE.at("layout")) {
                if (!key.equals("kind") && layout.has(key)) {
                    layout.keyNode(key).ifPresent(node -> problems.at(node, "layout." + key
                            + " belongs to kind: as-is; remove it for kind: releases"));
                }
            }
            return Optional.of(new SiteLayout.Releases());
        }
        Optional<String> slug = layout.required("slug", "the slug of the unit instance, e.g. slug: shop-alive-best")
                .flatMap(node -> matching(node, SLUG, "a slug of [a-z0-9-], as the unit instance names it"));
        Optional<Path> workspace = path(layout, "workspace", "the site's folder, e.g. /srv/webalive/sites/<domain>");
        Optional<Path> appDir = path(layout, "appDir", "the folder the unit runs in, e.g. <workspace>/user");
        Optional<String> unit = layout.required("unit", "the unit instance, e.g. unit: site@<slug>.service")
                .flatMap(this::unit);
        Optional<Path> unitsDir = path(layout, "unitsDir", "the folder holding site@.service, e.g. /etc/systemd/system");
        Optional<Path> envFile = path(layout, "envFile", "the site's env file, e.g. /etc/sites/<slug>.env");
        Optional<String> user = layout.required("user", "the site's Linux user, e.g. user: site-<slug>")
                .flatMap(node -> matching(node, USER, "a Linux user name (at most 32 of [a-z0-9_-])"));
        Optional<Path> caddyfile = path(layout, "caddyfile", "the shared Caddyfile, e.g. /root/alive/Caddyfile");
        if (slug.isEmpty() || workspace.isEmpty() || appDir.isEmpty() || unit.isEmpty() || unitsDir.isEmpty()
                || envFile.isEmpty() || user.isEmpty() || caddyfile.isEmpty()) {
            return Optional.empty();
        }
        if (!unit.get().equals("site@" + slug.get() + ".service")) {
            layout.keyNode("unit").ifPresent(node -> problems.at(node, "layout.unit " + Texts.quote(unit.get())
                    + " is not the instance of slug " + slug.get() + "; write unit: site@" + slug.get() + ".service"));
            return Optional.empty();
        }
        return Optional.of(new SiteLayout.AsIs(slug.get(), workspace.get(), appDir.get(), unit.get(), unitsDir.get(),
                envFile.get(), user.get(), caddyfile.get()));
    }

    private Optional<String> kind(ScalarNode node) {
        String value = node.getValue().trim();
        if (value.equals(RELEASES) || value.equals(AS_IS)) {
            return Optional.of(value);
        }
        problems.at(node, "layout.kind " + Texts.quote(value) + " is unknown; write releases or as-is");
        return Optional.empty();
    }

    private Optional<String> unit(ScalarNode node) {
        String value = node.getValue().trim();
        if (value.matches("site@[a-z0-9-]+\\.service")) {
            return Optional.of(value);
        }
        problems.at(node, "layout.unit " + Texts.quote(value)
                + " is not an instance of the template site@.service; write unit: site@<slug>.service");
        return Optional.empty();
    }

    private Optional<String> matching(ScalarNode node, Pattern pattern, String expected) {
        String value = node.getValue().trim();
        if (pattern.matcher(value).matches()) {
            return Optional.of(value);
        }
        problems.at(node, "layout value " + Texts.quote(value) + " is not " + expected);
        return Optional.empty();
    }

    private Optional<Path> path(Fields layout, String key, String hint) {
        return layout.required(key, "write " + key + ": with " + hint).flatMap(node -> {
            String value = node.getValue().trim();
            if (!value.startsWith("/") || value.contains("/../") || value.endsWith("/..")
                    || Texts.hasControlCharacter(value)) {
                problems.at(node, "layout." + key + " " + Texts.quote(value)
                        + " must be an absolute path without '..', as read on the server");
                return Optional.empty();
            }
            return Optional.of(Path.of(value).normalize());
        });
    }
}
