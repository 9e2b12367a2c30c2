package dev.alive.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunPruningTest extends RunPruningContract {
    @TempDir
    static Path dir;

    @Override
    protected AliveDatabase open() {
        return AliveDatabase.open("sqlite:" + dir.resolve("state.db"));
    }
}
