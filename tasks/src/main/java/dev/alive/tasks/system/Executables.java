package dev.alive.tasks.system;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a program name to an absolute path the way {@code execvp} would, but against a given
 * {@code PATH} (the command's own clean environment, not alive's) and a working directory for
 * names like {@code ./node_modules/.bin/vite}. Both {@link LocalCommandRunner} and {@link SystemdUnit}
 * use it, so {@code ExecStart} names the same file the local runner would start.
 */
public final class Executables {
    /** Where alive's own tools (setpriv, kill, caddy, systemctl) are looked up. */
    public static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private Executables() {
    }

    /**
     * @param searchPath a colon-separated PATH; may be null when {@code name} contains a slash
     * @throws ExecutableNotFoundException when no executable regular file matches
     */
    public static Path resolve(String name, String searchPath, Path workingDir) {
        if (name.isEmpty()) {
            throw new ExecutableNotFoundException(name, searchPath);
        }
        if (name.contains("/")) {
            Path candidate = workingDir.resolve(name).normalize();
            if (isExecutableFile(candidate)) {
                return candidate.toAbsolutePath();
            }
            throw new ExecutableNotFoundException(name, workingDir.toString());
        }
        if (searchPath != null) {
            for (String dir : searchPath.split(":", -1)) {
                if (dir.startsWith("/")) {
                    Path candidate = Path.of(dir, name);
                    if (isExecutableFile(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        throw new ExecutableNotFoundException(name, searchPath);
    }

    /** One of alive's own tools, looked up in {@link #SYSTEM_PATH}. */
    public static Path system(String name) {
        return resolve(name, SYSTEM_PATH, Path.of("/"));
    }

    private static boolean isExecutableFile(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
    }
}
