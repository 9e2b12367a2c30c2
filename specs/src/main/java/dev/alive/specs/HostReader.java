package dev.alive.specs;

import dev.alive.specs.Host.PortRange;
import dev.alive.specs.Host.Proxy;
import dev.alive.specs.Host.Services;
import dev.alive.specs.Host.Users;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Turns the node tree of a {@code kind: Host} file into a {@link Host}. Keys left out take the
 * value of the {@code base} profile (local unless given); relative paths resolve under {@code root},
 * and a relative {@code root} against the file's folder.
 */
final class HostReader {

    static final int MAX_KEEP_RUNS = 10_000;
    private static final Pattern RANGE = Pattern.compile("\\s*([0-9]{1,6})\\s*-\\s*([0-9]{1,6})\\s*");

    private final Path file;
    private final Map<String, String> environment;
    private final Problems problems;

    /** @param file the host profile, absolute */
    HostReader(Path file, Map<String, String> environment, Problems problems) {
        this.file = file;
        this.environment = environment;
        this.problems = problems;
    }

    Optional<Host> read(Node node) {
        PlainYaml.check(node, problems);
        Optional<Fields> found = Fields.root(node, SpecKeys.HOST, problems);
        if (found.isEmpty() || SpecHeader.isOtherKind(found.get(), "Host", problems)) {
            return Optional.empty();
        }
        Fields top = found.get();
        top.checkKeys();
        SpecHeader.check(top, "Host", problems);
        HostValues values = new HostValues(problems);
        HostLayout base = values.choice(top, "base", Map.of("local", HostLayout.LOCAL,
                "production", HostLayout.PRODUCTION), HostLayout.LOCAL).orElse(HostLayout.LOCAL);
        Optional<Path> root = top.required("root", "the folder every relative path of this profile lives under,"
                + " e.g. root: ./.alive (relative to this file) or root: /").flatMap(this::root);
        Path under = root.orElse(file.getParent());
        Optional<String> state = top.scalar("state").map(n -> state(n, under))
                .orElseGet(() -> StateUrls.canonical(base.state(), under).value());
        Optional<Path> sites = values.path(top, "sites", base.sites(), under);
        Optional<Path> envDir = values.path(top, "envDir", base.envDir(), under);
        Optional<PortRange> ports = top.scalar("ports").map(this::ports).orElse(Optional.of(base.ports()));
        Optional<String> serverIp = top.scalar("serverIp").map(values::ip).orElse(Optional.of(base.serverIp()));
        Optional<Optional<String>> wildcard = top.scalar("wildcardDomain").map(values::wildcard)
                .orElse(Optional.of(base.wildcardDomain()));
        Optional<Users> users = values.choice(top, "users", Map.of("none", Users.NONE, "create", Users.CREATE),
                base.users());
        Optional<Services> services = values.choice(top, "services",
                Map.of("process", Services.PROCESS, "systemd", Services.SYSTEMD), base.services());
        Optional<Proxy> proxy = top.has("proxy")
                ? top.mapping("proxy").flatMap(fields -> values.proxy(fields, base, under, environment))
                : values.proxy(null, base, under, environment);
        Optional<Integer> keep = top.has("keepReleases") ? top.number("keepReleases", 1, 100)
                : Optional.of(base.keepReleases());
        Optional<Host.Limits> limits = top.has("limits")
                ? top.mapping("limits").flatMap(fields -> new HostLimits(problems).read(fields))
                : Optional.of(Host.Limits.DEFAULTS);
        Optional<Integer> keepRuns = top.has("keepRuns") ? top.number("keepRuns", 1, MAX_KEEP_RUNS)
                : Optional.of(HostLayout.KEEP_RUNS);
        if (!problems.isEmpty() || root.isEmpty() || state.isEmpty() || sites.isEmpty() || envDir.isEmpty()
                || ports.isEmpty() || serverIp.isEmpty() || wildcard.isEmpty() || users.isEmpty()
                || services.isEmpty() || proxy.isEmpty() || keep.isEmpty() || keepRuns.isEmpty() || limits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Host(name(), root.get(), state.get(), sites.get(), envDir.get(), ports.get(),
                serverIp.get(), wildcard.get(), users.get(), services.get(), proxy.get(), keep.get(),
                keepRuns.get(), limits.get()));
    }

    private String name() {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private Optional<Path> root(ScalarNode node) {
        String value = node.getValue();
        if (value.isBlank() || Texts.hasControlCharacter(value)) {
            problems.at(node, "root " + Texts.quote(value) + " is not a usable path; e.g. root: ./.alive");
            return Optional.empty();
        }
        Path written = Path.of(value);
        Path root = file.getParent().resolve(written).normalize();
        if (!written.isAbsolute() && root.getParent() == null) {
            problems.at(node, "root " + Texts.quote(value) + " resolves to " + Texts.plain(root) + " (from "
                    + Texts.plain(file.getParent())
                    + "); a relative root must not be the whole machine: write root: / if you mean it");
            return Optional.empty();
        }
        return Optional.of(root);
    }

    private Optional<String> state(ScalarNode node, Path root) {
        String value = node.getValue().trim();
        Matcher reference = EnvReader.REFERENCE.matcher(value);
        if (reference.matches()) {
            value = environment.get(reference.group(1));
            if (value == null) {
                problems.at(node, "state: ${" + reference.group(1) + "} is not set in alive's environment; export "
                        + reference.group(1) + " before running alive");
                return Optional.empty();
            }
        }
        StateUrls.Result result = StateUrls.canonical(value, root);
        result.problem().ifPresent(message -> problems.at(node, message));
        return result.value();
    }

    private Optional<PortRange> ports(ScalarNode node) {
        Matcher range = RANGE.matcher(node.getValue());
        if (!range.matches()) {
            problems.at(node, "ports: expected a range like 3333-3999, got " + Texts.describe(node));
            return Optional.empty();
        }
        int first = Integer.parseInt(range.group(1));
        int last = Integer.parseInt(range.group(2));
        if (first < 1 || last > 65535) {
            problems.at(node, "ports " + first + "-" + last + " must lie within 1-65535");
        } else if (first > last) {
            problems.at(node, "ports " + first + "-" + last + " runs backwards; write " + last + "-" + first);
        } else {
            return Optional.of(new PortRange(first, last));
        }
        return Optional.empty();
    }
}
