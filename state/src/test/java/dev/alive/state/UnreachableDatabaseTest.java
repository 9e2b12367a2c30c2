package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {
    private static final String PASSWORD = "s3cret-Pa55";

    @Test
    void namesHostAndPortWhenNothingListens() {
        var failure = catchThrowableOfType(StateStoreUnavailableException.class,
                () -> AliveDatabase.open("postgresql://alive:" + PASSWORD + "@127.0.0.1:1/alive"));

        assertThat(failure).hasMessage("cannot reach the state store at 127.0.0.1:1: connection refused");
        assertThat(failure.location()).isEqualTo("127.0.0.1:1");
        assertThat(everythingPrintedAbout(failure)).doesNotContain(PASSWORD);
    }

    @Test
    void saysWhenTheServerRefusesTheLogin() {
        var failure = catchThrowableOfType(StateStoreUnavailableException.class,
                () -> AliveDatabase.open("postgresql://no_such_role:" + PASSWORD + "@" + TestPostgres.SERVER + "/postgres"));

        assertThat(failure).hasMessageStartingWith("cannot reach the state store at " + TestPostgres.SERVER + ": ")
                .hasMessageContaining("no_such_role");
        assertThat(everythingPrintedAbout(failure)).doesNotContain(PASSWORD);
    }

    @Test
    void saysWhenTheDatabaseDoesNotExist() {
        var failure = catchThrowableOfType(StateStoreUnavailableException.class,
                () -> AliveDatabase.open("postgresql://postgres@" + TestPostgres.SERVER + "/no_such_database_here"));

        assertThat(failure).hasMessage("cannot reach the state store at " + TestPostgres.SERVER
                + ": database \"no_such_database_here\" does not exist");
    }

    @Test
    void saysWhenTheHostIsUnknown() {
        var failure = catchThrowableOfType(StateStoreUnavailableException.class,
                () -> AliveDatabase.open("postgresql://alive@no-such-host.invalid:5432/alive"));

        assertThat(failure).hasMessage("cannot reach the state store at no-such-host.invalid:5432: unknown host no-such-host.invalid");
    }

    private static String everythingPrintedAbout(Throwable failure) {
        var out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
