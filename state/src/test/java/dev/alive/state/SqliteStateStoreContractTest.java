package dev.alive.state;

import dev.alive.engine.StateStore;
import dev.alive.engine.StateStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreContractTest extends StateStoreContract {
    @TempDir
    Path dir;

    private final List<AliveDatabase> opened = new ArrayList<>();

    @Override
    protected StateStore createStore() {
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
