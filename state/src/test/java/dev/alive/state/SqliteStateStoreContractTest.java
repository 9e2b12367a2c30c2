package dev.alive.state;

import dev.alive.engine.store.StateStore;
import dev.alive.engine.store.StateStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a fresh SQLite file per test (a copy of one migrated file: migrating 27 times is slow). */
class SqliteStateStoreContractTest extends StateStoreContract {
    @TempDir
    static Path shared;
    private static Path migrated;

    @TempDir
    Path dir;

    private final List<AliveDatabase> opened = new ArrayList<>();

    @BeforeAll
    static void migrateOnce() {
        migrated = shared.resolve("migrated.db");
        AliveDatabase.open("sqlite:" + migrated).close();
    }

    @Override
    protected StateStore createStore() {
        try {
            Files.copy(migrated, dir.resolve("state.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open();
    }

    @Override
    protected StateStore reopen(StateStore store) {
        opened.forEach(AliveDatabase::close);
        return open();
    }

    private StateStore open() {
        var db = AliveDatabase.open("sqlite:" + dir.resolve("state.db"));
        opened.add(db);
        return db.stateStore();
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(AliveDatabase::close);
    }
}
