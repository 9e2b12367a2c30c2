package dev.alive.deploy.legacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TCP ports something listens on, from the kernel's socket tables {@code /proc/net/tcp} and
 * {@code tcp6} (state {@code 0A}, LISTEN), on any local address.
 *
 * <p>Read rather than connected to: reading sends nothing to the sites (no connection in their
 * logs, no accept queue touched, nothing a busy app could refuse and so be called dead), sees
 * listeners on 0.0.0.0, 127.0.0.1 and :: alike, and answers for a hundred ports with two file reads.
 * The tables are those of the network namespace alive runs in, which is the sites' own on the
 * as-is servers (and inside the nspawn fixture when the import runs there).
 */
public final class ListeningPorts {
    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    /** @param procNet {@code /proc/net} */
    public static Set<Integer> read(Path procNet) {
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(procNet.resolve(table));
            } catch (NoSuchFileException e) {
                continue; // no IPv6 on this kernel
            } catch (IOException e) {
                throw new LegacyReadException(procNet.resolve(table), "cannot be read", "Run where /proc is mounted");
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[3].equals(LISTEN)) {
                    String local = fields[1];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
