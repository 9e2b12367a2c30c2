package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateCodecTest {

    @Test
    void keepsEveryPartOfATaskState() {
        var state = new TaskState(TaskId.of("hello.alive.test", "build"), "abc",
                Map.of("command", "d1", "release", "d2"),
                Map.of("dist", TaskState.RecordedOutput.ofTree(new Output.Tree(Path.of("/srv/x/dist"), List.of("**"), List.of("*.map")), "t1"),
                        "port", TaskState.RecordedOutput.ofValue("3333", "v1")),
                "run-1", Instant.parse("2024-05-01T10:15:30.123456789Z"));

        assertThat(TaskStateCodec.decode(TaskStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void keepsMissingRunAndTime() {
        var state = new TaskState(TaskId.of("u", "n"), "abc", Map.of(), Map.of(), null, null);
        assertThat(TaskStateCodec.decode(TaskStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void writesTheSameTextForTheSameState() {
        var a = new TaskState(TaskId.of("u", "n"), "f", Map.of("b", "1", "a", "2"), Map.of(), null, null);
        var b = new TaskState(TaskId.of("u", "n"), "f", Map.of("a", "2", "b", "1"), Map.of(), null, null);
        assertThat(TaskStateCodec.encode(a)).isEqualTo(TaskStateCodec.encode(b));
    }

    @Test
    void refusesAFormatItDoesNotKnow() {
        assertThatThrownBy(() -> TaskStateCodec.decode("{\"format\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 2");
    }
}
