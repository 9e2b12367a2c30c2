package dev.alive.state;

import dev.alive.engine.store.StateStore;
import dev.alive.engine.store.StateStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class PostgresStateStoreContractTest extends StateStoreContract {
    private static TestPostgres postgres;

    private final List<AliveDatabase> opened = new ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

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
        var db = AliveDatabase.open(postgres.url());
        opened.add(db);
        return db.stateStore();
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(AliveDatabase::close);
    }
}
