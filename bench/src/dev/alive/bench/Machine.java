package dev.alive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on: cores, memory, CPU model, load, Java. */
final class Machine {

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        return firstLine("/proc/meminfo", "MemTotal:").replace("MemTotal:", "").trim();
    }

    static String cpuModel() {
        return firstLine("/proc/cpuinfo", "model name").replaceFirst("model name\\s*:\\s*", "");
    }

    /** The 1, 5 and 15 minute load averages. */
    static String load() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    private static String firstLine(String file, String prefix) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
