package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state URL's password never reaches an operator's screen: both places a URL carries one (the
 * user info and a query parameter), every spelling of the parameter, through every command that
 * names the state store (a store that is down, a URL that is refused, status, plan, apply, JSON).
 */
class StateUrlRedactionTest {

    private static final String SECRET = "Sup3r-s3cret-pw";
    private static final List<String> PARAMETERS = List.of("password", "PASSWORD", "pass", "pwd", "sslpassword",
            "sslkey", "passfile");

    @TempDir
    Path dir;

    @Test
    void noCommandPrintsTheStatePasswordInAnyForm() {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.quickSite("hello", "hello.alive.test");
        var checked = 0;
        for (var state : stateUrls()) {
            workspace.write("host.yaml", "apiVersion: alive/v1\nkind: Host\nbase: local\nroot: ./root\nports: "
                    + workspace.sitePort + "-" + workspace.sitePort + "\nstate: \"" + state + "\"\n");
            for (var args : List.of(List.of("status"), List.of("status", "--json"), List.of("plan", spec.toString()),
                    List.of("plan", "--json", spec.toString()), List.of("apply", spec.toString()),
                    List.of("history", "hello.alive.test"))) {
                var result = workspace.run(args.toArray(String[]::new));
                assertThat(result.exitCode()).as(state + " " + args + ": " + result).isNotZero();
                assertThat(result.out() + result.err()).as(state + " " + args).doesNotContain(SECRET)
                        .contains("127.0.0.1");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(stateUrls().size() * 6);
        assertThat(dir.resolve("root/sites")).doesNotExist();
    }

    /** A server that is down (port 1), and the same with a port that is no number (refused before connecting). */
    private static List<String> stateUrls() {
        var urls = new ArrayList<String>();
        for (var port : List.of("1", "x1")) {
            urls.add("postgresql://alive:" + SECRET + "@127.0.0.1:" + port + "/alive");
            urls.add("postgres://alive:" + SECRET + "@127.0.0.1:" + port + "/alive?sslmode=disable");
            for (var parameter : PARAMETERS) {
                urls.add("postgresql://alive@127.0.0.1:" + port + "/alive?" + parameter + "=" + SECRET);
                urls.add("postgresql://alive:" + SECRET + "@127.0.0.1:" + port + "/alive?sslmode=disable&" + parameter
                        + "=" + SECRET);
            }
        }
        return urls;
    }
}
