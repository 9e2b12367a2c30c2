package dev.alive.deploy.legacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code [Service]} directives of a systemd unit file or drop-in, in order, as systemd reads
 * them: comments ({@code #}, {@code ;}) skipped, a trailing backslash continuing the line.
 */
record UnitFile(Path path, List<Directive> service) {

    record Directive(String key, String value, int line) {
    }

    static UnitFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new LegacyReadException(path, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check its permissions");
        }
        List<Directive> service = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            int first = i + 1;
            StringBuilder text = new StringBuilder(lines.get(i).strip());
            while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
                text.setLength(text.length() - 1);
                text.append(' ').append(lines.get(++i).strip());
            }
            String line = text.toString().strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new LegacyReadException(path, first, "has an unclosed section header", "Close it with ]");
                }
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new LegacyReadException(path, first, "is not Key=value", "Fix the line as systemd would need it");
            }
            if (section.equals("Service")) {
                service.add(new Directive(line.substring(0, equals).strip(), line.substring(equals + 1).strip(), first));
            }
        }
        return new UnitFile(path, service);
    }
}
