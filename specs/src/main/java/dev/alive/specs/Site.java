package dev.alive.specs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code kind: Site} spec: what the operator wants for one site. Paths are absolute.
 *
 * @param specFile the YAML file it was loaded from
 * @param template the template directory (absolute, resolved against the spec file's folder)
 */
public record Site(
        Path specFile,
        String domain,
        Owner owner,
        Path template,
        App app,
        Health health,
        Port port) {

    /** @param org the organisation name; the loader fills in the default "<email>'s Organization" */
    public record Owner(String email, String org) {
    }

    /**
     * @param root folder inside the template holding the app ("." for the template itself)
     * @param env app environment, in spec order
     */
    public record App(String root, Optional<String> install, Optional<Build> build, String start,
                      Map<String, EnvValue> env) {
    }

    public record Build(String command, List<String> outputs) {
    }

    /** An env value: a literal, or {@code ${NAME}} taken from alive's environment (a secret). */
    public sealed interface EnvValue {
        record Literal(String value) implements EnvValue {
        }

        record FromEnvironment(String variable) implements EnvValue {
        }
    }

    public record Health(String path, Duration timeout) {
    }

    /** The port: chosen by alive (lowest free in the host's range) or fixed by the spec. */
    public sealed interface Port {
        record Auto() implements Port {
        }

        record Fixed(int port) implements Port {
        }
    }

    /** This site's {@link #slugOf slug}. */
    public String slug() {
        return slugOf(domain);
    }

    /** The domain with every run of characters outside [a-z0-9] replaced by '-' (the as-is rule). */
    public static String slugOf(String domain) {
        return domain.replaceAll("[^a-z0-9]+", "-");
    }
}
