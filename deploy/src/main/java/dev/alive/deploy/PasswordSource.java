package dev.alive.deploy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.tasks.OwnerPassword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Where a new owner's password comes from. It is never printed. */
public sealed interface PasswordSource {

    /** The variable of alive's environment that holds the password. */
    String VARIABLE = "ALIVE_OWNER_PASSWORD";

    static PasswordSource environment() {
        return new Environment();
    }

    /**
     * The first line of {@code in} (the CLI's {@code --password-stdin}), read now, before anything
     * is opened; an empty one is a usage error.
     */
    static PasswordSource firstLineOf(InputStream in) {
        try {
            var line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new AliveException(ErrorCategory.USAGE, "--password-stdin: no password on standard input");
            }
            return new Given(OwnerPassword.of(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A password an adapter was handed (a server's request body, say); empty or null is none. */
    static PasswordSource given(String password) {
        return new Given(OwnerPassword.of(password));
    }

    static PasswordSource given(OwnerPassword password) {
        return new Given(password);
    }

    static PasswordSource none() {
        return new Given(OwnerPassword.none());
    }

    OwnerPassword read(Map<String, String> environment);

    record Environment() implements PasswordSource {
        @Override
        public OwnerPassword read(Map<String, String> environment) {
            return OwnerPassword.of(environment.get(VARIABLE));
        }
    }

    record Given(OwnerPassword password) implements PasswordSource {
        @Override
        public OwnerPassword read(Map<String, String> environment) {
            return password;
        }
    }
}
