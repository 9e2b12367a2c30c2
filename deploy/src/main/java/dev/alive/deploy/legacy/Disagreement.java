package dev.alive.deploy.legacy;

import java.nio.file.Path;
import java.util.List;

/**
 * Why a site's sources cannot be taken over as they are; each names the sources and their values.
 * {@link #message()} says it for an operator; {@link #kind()} is its stable name in the report.
 */
public sealed interface Disagreement {

    String message();

    /** {@code port_mismatch}, ..., from the record's name. */
    default String kind() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Two sources give the domain different ports. */
    record PortMismatch(String domain, String source, int port, String otherSource, int otherPort)
            implements Disagreement {
        public String message() {
            return domain + ": " + source + " says port " + port + ", " + otherSource + " says " + otherPort;
        }
    }

    /** A unit runs a site that no port source (the registry, app.domains, port-map.json) lists. */
    record UnitWithoutDomainRow(String domain, String unit, String portSources) implements Disagreement {
        public String message() {
            return unit + " runs " + domain + ", which " + portSources + " does not list";
        }
    }

    /** A unit whose domain no env file and no slug link names. */
    record UnitWithoutDomain(String unit, String environmentFiles) implements Disagreement {
        public String message() {
            return unit + " runs no known domain: no env file (" + environmentFiles + ") and no slug link names one";
        }
    }

    /** A port source lists a domain no unit runs. */
    record RegistryEntryWithoutUnit(String domain, String source) implements Disagreement {
        public String message() {
            return source + " lists " + domain + ", but no site@ unit runs it";
        }
    }

    /** A workspace no unit runs. */
    record WorkspaceWithoutUnit(String domain, Path workspace) implements Disagreement {
        public String message() {
            return workspace + " is the workspace of " + domain + ", but no site@ unit runs it";
        }
    }

    /** The Caddy block proxies to a port nothing listens on. */
    record NothingListens(String domain, int port, Path caddyfile) implements Disagreement {
        public String message() {
            return "the block of " + domain + " in " + caddyfile + " proxies to localhost:" + port
                    + ", where nothing listens";
        }
    }

    /** The Caddy block is not of the as-is shape. */
    record UnknownCaddyBlock(String domain, Path caddyfile, String reason) implements Disagreement {
        public String message() {
            return "the block of " + domain + " in " + caddyfile + " is not of the as-is shape: " + reason;
        }
    }

    /** A part the as-is scripts make for every site is not there. */
    record Missing(String domain, String what, String expectedAt) implements Disagreement {
        public String message() {
            return domain + ": no " + what + " (expected " + expectedAt + ")";
        }
    }

    /** A part is there but not as the as-is scripts make it. */
    record Mismatch(String domain, String what, String source, String expected, String actual)
            implements Disagreement {
        public String message() {
            return domain + ": the " + what + " of " + source + " is " + actual + ", expected " + expected;
        }
    }

    /** More than one candidate for a part a site has one of. */
    record Ambiguous(String domain, String what, List<String> candidates) implements Disagreement {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

        public String message() {
            return domain + ": " + candidates.size() + " " + what + "s: " + String.join(", ", candidates);
        }
    }
}
