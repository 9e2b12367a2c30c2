package dev.alive.deploy.legacy;

import dev.alive.tasks.system.LinuxUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The users and groups of the server, from its own {@code etc/passwd} and {@code etc/group}. */
public final class SystemAccounts {
    private final Map<String, LinuxUser> users = new HashMap<>();
    private final Map<Integer, String> userNames = new HashMap<>();
    private final Map<Integer, String> groupNames = new HashMap<>();

    private SystemAccounts() {
    }

    /** @throws LegacyReadException naming file and line for a line that is not {@code name:x:uid:gid:...} */
    public static SystemAccounts read(Path passwd, Path group) {
        var accounts = new SystemAccounts();
        lines(passwd, 7, (fields, line) -> {
            var user = new LinuxUser(fields[0], number(passwd, line, fields[2]), number(passwd, line, fields[3]),
                    Path.of(fields[5]), fields[6]);
            accounts.users.put(user.name(), user);
            accounts.userNames.putIfAbsent(user.uid(), user.name());
        });
        lines(group, 3, (fields, line) -> accounts.groupNames.putIfAbsent(number(group, line, fields[2]), fields[0]));
        return accounts;
    }

    public Optional<LinuxUser> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** The user name of {@code uid}, or the number itself when the server has no such user. */
    public String userName(int uid) {
        return userNames.getOrDefault(uid, Integer.toString(uid));
    }

    public String groupName(int gid) {
        return groupNames.getOrDefault(gid, Integer.toString(gid));
    }

    private interface LineReader {
        void read(String[] fields, int line);
    }

    private static void lines(Path file, int minFields, LineReader reader) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new LegacyReadException(file, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Give the server's " + file.getFileName() + " file");
        }
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split(":", -1);
            if (fields.length < minFields) {
                throw new LegacyReadException(file, i + 1, "has " + fields.length + " fields, not " + minFields,
                        "Fix the line (colon-separated, as getent prints it)");
            }
            reader.read(fields, i + 1);
        }
    }

    private static int number(Path file, int line, String field) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new LegacyReadException(file, line, "has the id \"" + field + "\", not a number", "Fix the line");
        }
    }
}
