package dev.alive.state;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresRunPruningTest extends RunPruningContract {
    private static TestPostgres postgres;

    @BeforeAll
    static void createDatabase() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    @Override
    protected AliveDatabase open() {
        return AliveDatabase.open(postgres.url());
    }
}
