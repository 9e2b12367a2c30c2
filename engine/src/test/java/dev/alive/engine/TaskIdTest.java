package dev.alive.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
        for (var bad : new String[] {"", "-a", ".a", "a/b", "a;b", "a\nb", "é", "a b"}) {
            assertThatThrownBy(() -> TaskId.of("unit", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void acceptsLettersDigitsAndDotUnderscoreColonAtDashAfterTheFirst() {
        assertThat(TaskId.of("Site-1.example_x:8080@a", "9build.step_2")).hasToString("Site-1.example_x:8080@a/9build.step_2");
    }

    @Test
    void sortsAsTheirWrittenFormsSort() {
        var random = new SplittableRandom(7);
        var alphabet = "ab.-_:@9/";
        var ids = new ArrayList<TaskId>(List.of(TaskId.of("a", "b"), TaskId.of("a.b", "c"), TaskId.of("a", "b.c"),
                TaskId.of("a-b", "c"), TaskId.of("ab", "c"), TaskId.of("a", "bc"), TaskId.of("a", "b-c")));
        for (var i = 0; i < 300; i++) {
            ids.add(TaskId.of(word(random, alphabet.substring(0, 8)), word(random, alphabet.substring(0, 8))));
        }
        for (var x : ids) {
            for (var y : ids) {
                assertThat(Integer.signum(x.compareTo(y))).as(x + " vs " + y)
                        .isEqualTo(Integer.signum(x.toString().compareTo(y.toString())));
            }
        }
    }

    private static String word(SplittableRandom random, String alphabet) {
        var word = new StringBuilder().append("ab9".charAt(random.nextInt(3)));
        for (var n = random.nextInt(4); n > 0; n--) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }
}
