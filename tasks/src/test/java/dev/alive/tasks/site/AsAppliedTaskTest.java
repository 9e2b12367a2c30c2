package dev.alive.tasks.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsAppliedTaskTest {

    static final TaskId ID = TaskId.of("a.alive.test", "service");

    private final AsAppliedTask task = new AsAppliedTask(new Task() {
        @Override
        public TaskId id() {
            return ID;
        }

        @Override
        public Set<TaskId> dependsOn() {
            return Set.of();
        }

        @Override
        public List<Input> inputs() {
            return List.of();
        }

        @Override
        public Map<String, Output> run(TaskContext context) {
            throw new AssertionError("a rollback never runs the task itself");
        }

        @Override
        public Set<String> secretOutputs() {
            return Set.of("file");
        }

        @Override
        public void undo(UndoContext context) {
        }
    });

    @Test
    void secretOutputsAreTheTasksOwnSoARollbackRecordsTheEnvFileAsApplyDid() {
        assertThat(task.secretOutputs()).containsExactly("file");
    }

    @Test
    void everyContractMethodButDriftAndDestroyIsDelegatedSoANewOneCannotBeForgotten() {
        var kept = Set.of("drift", "destroy");
        var notDelegated = Arrays.stream(Task.class.getMethods())
                .filter(method -> !kept.contains(method.getName()))
                .filter(method -> {
                    try {
                        return AsAppliedTask.class.getDeclaredMethod(method.getName(), method.getParameterTypes())
                                .isSynthetic();
                    } catch (NoSuchMethodException missing) {
                        return true;
                    }
                })
                .map(Method::getName)
                .toList();
        assertThat(notDelegated).isEmpty();
    }

    @Test
    void aTaskAnEarlierRunLeftChangedAsksForAnApplyBeforeTheRollback() {
        var context = new FakeContext(ID, Map.of()).because("last attempt could not be undone");
        assertThatThrownBy(() -> task.run(context)).isInstanceOf(AliveException.class)
                .hasMessage("an earlier run left this task changed (last attempt could not be undone), so the site is"
                        + " not as last applied and a rollback cannot start from it; apply the site's spec to repair"
                        + " it (alive apply SPEC; alive history DOMAIN shows what failed), then roll back");
    }

    @Test
    void aChangedSpecNamesWhatChanged() {
        var context = new FakeContext(ID, Map.of()).because("input 'start' changed");
        assertThatThrownBy(() -> task.run(context)).isInstanceOf(AliveException.class)
                .hasMessage("the spec or the site changed since the last apply (input 'start' changed), so this task"
                        + " would have to run; apply the spec (or restore it as it was) before rolling back");
    }
}
