package dev.alive.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskIdTest {

    @Test
    void parsesAndPrintsUnitSlashName() {
        var id = TaskId.parse("hello.alive.test/build");
        assertThat(id.unit()).isEqualTo("hello.alive.test");
        assertThat(id.name()).isEqualTo("build");
        assertThat(id).hasToString("hello.alive.test/build");
    }

    @Test
    void refusesIdsThatCouldEscapeAPathOrAShell() {
        assertThatThrownBy(() -> TaskId.of("../etc", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskId.of("a b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskId.parse("no-slash")).hasMessageContaining("unit/name");
    }
}
