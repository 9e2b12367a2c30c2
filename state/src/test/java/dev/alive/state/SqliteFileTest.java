package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.task.TaskId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileTest {
    @TempDir
    Path dir;

    @Test
    void createsTheDatabaseFileReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("new/state.db");
        try (var db = AliveDatabase.open("sqlite:" + file)) {
            db.stateStore().fingerprintKey();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.resolveSibling("state.db-wal"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void usesWriteAheadLogging() throws Exception {
        Path file = dir.resolve("state.db");
        AliveDatabase.open("sqlite:" + file).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var rs = connection.createStatement().executeQuery("pragma journal_mode")) {
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void migratesOnceWhenManyProcessesOpenANewFileAtOnce() throws Exception {
        Path file = dir.resolve("state.db");
        var pool = Executors.newFixedThreadPool(8);
        var opens = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 8; i++) {
            opens.add(() -> {
                try (var db = AliveDatabase.open("sqlite:" + file)) {
                    return db.stateStore().committed(TaskId.of("a.test", "build")).isEmpty();
                }
            });
        }
        for (var result : pool.invokeAll(opens)) {
            assertThat(result.get()).isTrue();
        }
        pool.shutdown();
    }

    @Test
    void readsARunRowWithoutAKindOrWithAKindItDoesNotKnowAsAnApply() throws Exception {
        Path file = dir.resolve("state.db");
        try (var db = AliveDatabase.open("sqlite:" + file)) {
            db.stateStore().fingerprintKey();
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var insert = connection.prepareStatement("insert into alive_runs (run_id, unit, kind, pid, outcome)"
                     + " values (?, 'a.test', ?, 1, 'SUCCEEDED')")) {
            for (var row : new String[][] {{"r-null", null}, {"r-newer", "migrate"}}) {
                insert.setString(1, row[0]);
                insert.setString(2, row[1]);
                insert.executeUpdate();
            }
        }
        try (var db = AliveDatabase.open("sqlite:" + file)) {
            assertThat(db.stateStore().runs("a.test", 10)).extracting(RunRecord::runId, RunRecord::kind)
                    .containsExactlyInAnyOrder(tuple("r-null", RunKind.APPLY), tuple("r-newer", RunKind.APPLY));
        }
    }

    @Test
    void aMigrationThatFailsIsAFailureThatNamesTheStoreNotAnUnreachableStore() throws Exception {
        Path file = dir.resolve("state.db");
        AliveDatabase.open("sqlite:" + file).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.executeUpdate("update alive_flyway_schema_history set checksum = 1 where version = '1'");
            statement.executeUpdate("delete from alive_flyway_schema_history where version = '"
                    + Migrations.LATEST_VERSION + "'");
        }

        assertThatThrownBy(() -> AliveDatabase.open("sqlite:" + file))
                .isInstanceOfSatisfying(AliveException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.FAILED))
                .hasMessageStartingWith("migrating the state store at " + file + " failed: ")
                .hasMessageContaining("nothing was deployed");
    }

    @Test
    void keepsAnInMemoryDatabaseForAsLongAsItIsOpen() {
        try (var db = AliveDatabase.open("sqlite::memory:")) {
            var reservation = db.domains().reserve("a.example.com", "local", 3333, 3999, java.util.OptionalInt.empty());
            assertThat(db.domains().find("a.example.com")).contains(reservation.domain());
        }
    }

    @Test
    void saysWhichFileItCannotOpen() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("state.db");
        assertThatThrownBy(() -> AliveDatabase.open("sqlite:" + file))
                .isInstanceOf(StateStoreUnavailableException.class)
                .hasMessage("cannot reach the state store at " + file + ": cannot create directory " + notADirectory
                        + " (a file is in the way)");
    }
}
