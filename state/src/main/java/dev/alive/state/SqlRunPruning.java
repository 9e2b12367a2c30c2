package dev.alive.state;

import dev.alive.engine.store.PrunedRuns;
import dev.alive.engine.task.TaskState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link dev.alive.engine.store.StateStore#pruneRuns} on SQL, in one transaction. The runs that
 * go: finished, older than the unit's newest {@code keep}, older than its latest SUCCEEDED run,
 * and named by no committed task state and no lock. With them go their journal lines; the
 * file-hash rows below the output trees their SUCCEEDED lines recorded, unless a committed state
 * of the unit still names that tree (or one inside or around it); and the manifests their lines
 * named that no committed state and no RUNNING run's journal names. File-hash rows of a build's
 * output in a release folder are so bounded by the runs kept, not by the releases ever made.
 */
final class SqlRunPruning {

    private final PlainJdbc jdbc;
    private final SqlFileHashCache fileHashes;

    SqlRunPruning(JdbiDatabase db, SqlFileHashCache fileHashes) {
        this.jdbc = db.jdbc();
        this.fileHashes = fileHashes;
    }

    PrunedRuns prune(String unit, int keep, int atMost) {
        if (keep < 1 || atMost < 1) {
            throw new IllegalArgumentException("keep (" + keep + ") and atMost (" + atMost + ") must be at least 1");
        }
        var forgotten = new ArrayList<String>();
        var pruned = jdbc.inTransaction(connection -> {
            var runIds = candidates(connection, unit, keep, atMost);
            if (runIds.isEmpty()) {
                return PrunedRuns.NOTHING;
            }
            var named = new Named();
            for (var state : pendingStates(connection, runIds)) {
                named.add(state);
            }
            var kept = new Named();
            for (var state : committed(connection, unit)) {
                kept.add(state);
            }
            int journal = deleteByRunId(connection, "delete from <journal> where run_id = ?", runIds);
            int runs = deleteByRunId(connection, "delete from <runs> where run_id = ?", runIds);
            int hashes = 0;
            for (var root : named.treeRoots) {
                if (kept.treeRoots.stream().noneMatch(other -> overlaps(root, other))) {
                    hashes += deleteHashesBelow(connection, root);
                    forgotten.add(root);
                }
            }
            named.fingerprints.removeAll(kept.fingerprints);
            int manifests = deleteUnnamedManifests(connection, named.fingerprints);
            return new PrunedRuns(runs, journal, hashes, manifests);
        });
        forgotten.forEach(fileHashes::forgetBelow);
        return pruned;
    }

    private List<String> candidates(Connection connection, String unit, int keep, int atMost) throws SQLException {
        return jdbc.query(connection, "select r.run_id from <runs> r where r.unit = ? and r.outcome <> 'RUNNING'"
                + " and r.seq < (select max(s.seq) from <runs> s where s.unit = ? and s.outcome = 'SUCCEEDED')"
                + " and r.seq < (select k.seq from <runs> k where k.unit = ? order by k.seq desc limit 1 offset ?)"
                + " and not exists (select 1 from <task_states> t where t.unit = r.unit and t.run_id = r.run_id)"
                + " and not exists (select 1 from <locks> l where l.run_id = r.run_id)"
                + " order by r.seq limit ?", statement -> {
                    statement.setString(1, unit);
                    statement.setString(2, unit);
                    statement.setString(3, unit);
                    statement.setInt(4, keep - 1);
                    statement.setInt(5, atMost);
                }, rows -> {
                    var ids = new ArrayList<String>();
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                    return ids;
                });
    }

    private List<TaskState> pendingStates(Connection connection, List<String> runIds) throws SQLException {
        var states = new ArrayList<TaskState>();
        for (var runId : runIds) {
            jdbc.query(connection, "select pending from <journal> where run_id = ? and kind = 'SUCCEEDED'"
                    + " and pending is not null", statement -> statement.setString(1, runId), rows -> {
                        while (rows.next()) {
                            states.add(TaskStateCodec.decode(rows.getString(1)));
                        }
                        return null;
                    });
        }
        return states;
    }

    private List<TaskState> committed(Connection connection, String unit) throws SQLException {
        return jdbc.query(connection, "select state from <task_states> where unit = ?",
                statement -> statement.setString(1, unit), rows -> {
                    var states = new ArrayList<TaskState>();
                    while (rows.next()) {
                        states.add(TaskStateCodec.decode(rows.getString(1)));
                    }
                    return states;
                });
    }

    private int deleteByRunId(Connection connection, String sql, Collection<String> runIds) throws SQLException {
        int deleted = 0;
        for (var runId : runIds) {
            deleted += jdbc.update(connection, sql, statement -> statement.setString(1, runId));
        }
        return deleted;
    }

    /** The row of the root itself (a one-file tree) and every row below it ({@code root/} up to {@code root0}). */
    private int deleteHashesBelow(Connection connection, String root) throws SQLException {
        return jdbc.update(connection, "delete from <file_hashes> where path = ? or (path >= ? and path < ?)",
                statement -> {
                    statement.setString(1, root);
                    statement.setString(2, root + "/");
                    statement.setString(3, root + "0");
                });
    }

    /**
     * Manifests are shared by every unit: one goes only when no committed state of any unit names
     * its fingerprint, and no RUNNING run has journaled a state naming it (it may be about to commit).
     */
    private int deleteUnnamedManifests(Connection connection, Set<String> fingerprints) throws SQLException {
        int deleted = 0;
        for (var fingerprint : fingerprints) {
            var pattern = "%" + fingerprint + "%";
            deleted += jdbc.update(connection, "delete from <manifests> where fingerprint = ?"
                    + " and not exists (select 1 from <task_states> t where t.state like ?)"
                    + " and not exists (select 1 from <journal> j join <runs> r on r.run_id = j.run_id"
                    + " where r.outcome = 'RUNNING' and j.kind = 'SUCCEEDED' and j.pending like ?)", statement -> {
                        statement.setString(1, fingerprint);
                        statement.setString(2, pattern);
                        statement.setString(3, pattern);
                    });
        }
        return deleted;
    }

    /** Whether one path is the other or lies inside it. */
    private static boolean overlaps(String a, String b) {
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    /** What a set of task states names: tree roots of their outputs, and every fingerprint (manifests are keyed by them). */
    private static final class Named {
        private final Set<String> treeRoots = new TreeSet<>();
        private final Set<String> fingerprints = new TreeSet<>();

        void add(TaskState state) {
            fingerprints.addAll(state.inputFingerprints().values());
            state.outputs().values().forEach(output -> {
                fingerprints.add(output.fingerprint());
                if (output.isTree() && output.treeRoot() != null) {
                    treeRoots.add(output.treeRoot());
                }
            });
        }
    }
}
