package dev.alive.specs;

import dev.alive.specs.Host.Limits;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A host profile's {@code limits:} mapping; each key left out keeps its {@link Limits#DEFAULTS
 * default}. Limits are the operator's: a site's spec cannot raise its own.
 */
final class HostLimits {
    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,12})([KMGT])");
    private static final Pattern PERCENT = Pattern.compile("([1-9][0-9]{0,5})%");
    private static final long MIN_MEMORY = 16L << 20;
    private static final int MAX_CPU_PERCENT = 100_000;

    private final Problems problems;

    HostLimits(Problems problems) {
        this.problems = problems;
    }

    Optional<Limits> read(Fields fields) {
        Limits d = Limits.DEFAULTS;
        Optional<String> memory = fields.has("memory") ? fields.scalar("memory").flatMap(n -> memory(fields, n))
                : Optional.of(d.memory());
        Optional<Integer> cpu = fields.has("cpu") ? fields.scalar("cpu").flatMap(n -> cpu(fields, n))
                : Optional.of(d.cpuPercent());
        Optional<Integer> tasks = fields.has("tasks") ? fields.number("tasks", 16, 4_194_304) : Optional.of(d.tasks());
        Optional<Integer> processes = fields.has("processes") ? fields.number("processes", 16, 4_194_304)
                : Optional.of(d.processes());
        Optional<Integer> openFiles = fields.has("openFiles") ? fields.number("openFiles", 1024, 1_048_576)
                : Optional.of(d.openFiles());
        if (memory.isEmpty() || cpu.isEmpty() || tasks.isEmpty() || processes.isEmpty() || openFiles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Limits(memory.get(), cpu.get(), tasks.get(), processes.get(), openFiles.get()));
    }

    private Optional<String> memory(Fields fields, ScalarNode node) {
        String value = node.getValue().trim();
        if (value.equals("infinity")) {
            return Optional.of(value);
        }
        Matcher size = SIZE.matcher(value);
        if (!size.matches()) {
            problems.at(node, fields.name("memory") + ": expected a size like 1G or 512M (K, M, G, T; 1024-based)"
                    + " or infinity, got " + Texts.describe(node));
            return Optional.empty();
        }
        int shift = 10 * ("KMGT".indexOf(size.group(2)) + 1);
        long number = Long.parseLong(size.group(1));
        if (Long.numberOfLeadingZeros(number) <= shift || (number << shift) < MIN_MEMORY) {
            problems.at(node, fields.name("memory") + ": " + value + " is out of range; expected at least 16M");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<Integer> cpu(Fields fields, ScalarNode node) {
        Matcher percent = PERCENT.matcher(node.getValue().trim());
        int value = percent.matches() ? Integer.parseInt(percent.group(1)) : -1;
        if (value < 1 || value > MAX_CPU_PERCENT) {
            problems.at(node, fields.name("cpu") + ": expected a share of one CPU from 1% to " + MAX_CPU_PERCENT
                    + "% (200% is two CPUs), got " + Texts.describe(node));
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
