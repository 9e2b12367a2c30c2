package dev.alive.tasks.site;

import dev.alive.engine.task.TaskId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The owner accounts that the sites deployed by this process use. Sites of one owner share the
 * account: their account tasks take turns per owner, so a fleet of a new owner's sites creates the
 * owner once, and an undo deletes an account it created only while no other site's account task
 * of this process still uses it (a site that committed keeps using it).
 */
public final class AccountClaims {

    private final Map<String, Object> turns = new ConcurrentHashMap<>();
    private final Map<String, Set<TaskId>> claims = new HashMap<>();

    /** Runs {@code action} while no other account task of this process works on {@code email}. */
    <T> T exclusively(String email, Supplier<T> action) {
        synchronized (turns.computeIfAbsent(email, key -> new Object())) {
            return action.get();
        }
    }

    synchronized void claim(String email, TaskId task) {
        claims.computeIfAbsent(email, key -> new HashSet<>()).add(task);
    }

    synchronized void release(String email, TaskId task) {
        var tasks = claims.get(email);
        if (tasks != null) {
            tasks.remove(task);
        }
    }

    synchronized boolean claimedByOthers(String email, TaskId task) {
        var tasks = claims.getOrDefault(email, Set.of());
        return tasks.stream().anyMatch(other -> !other.equals(task));
    }
}
