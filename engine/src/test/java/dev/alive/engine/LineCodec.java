package dev.alive.engine;

import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encodes the store's records as single tab-separated lines (URL-encoded fields, "~" for null). */
final class LineCodec {

    private LineCodec() {
    }

    static String fields(String... values) {
        return String.join("\t", Arrays.stream(values).map(LineCodec::encode).toList());
    }

    static List<String> split(String line) {
        return Arrays.stream(line.split("\t", -1)).map(LineCodec::decode).toList();
    }

    static String list(List<String> values) {
        return fields(values.toArray(String[]::new));
    }

    static List<String> unlist(String text) {
        return text.isEmpty() ? List.of() : split(text);
    }

    static String map(Map<String, String> values) {
        var flat = new ArrayList<String>();
        values.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        return list(flat);
    }

    static Map<String, String> unmap(String text) {
        var flat = unlist(text);
        var result = new LinkedHashMap<String, String>();
        for (int i = 0; i < flat.size(); i += 2) {
            result.put(flat.get(i), flat.get(i + 1));
        }
        return result;
    }

    static String run(RunRecord r) {
        return fields(r.runId(), r.unit(), r.kind().label(), r.host(), Long.toString(r.pid()), time(r.startedAt()),
                time(r.finishedAt()), r.outcome().name(), r.summary());
    }

    static RunRecord unrun(String text) {
        var f = split(text);
        return new RunRecord(f.get(0), f.get(1), RunKind.ofLabel(f.get(2)), f.get(3), Long.parseLong(f.get(4)), untime(f.get(5)),
                untime(f.get(6)), RunOutcome.valueOf(f.get(7)), f.get(8));
    }

    static String owner(LockOwner o) {
        return fields(o.host(), Long.toString(o.pid()), o.runId(), time(o.heartbeat()), Long.toString(o.generation()));
    }

    static LockOwner unowner(String text) {
        var f = split(text);
        return new LockOwner(f.get(0), Long.parseLong(f.get(1)), f.get(2), untime(f.get(3)), Long.parseLong(f.get(4)));
    }

    static String state(TaskState s) {
        if (s == null) {
            return null;
        }
        var outputs = new LinkedHashMap<String, String>();
        s.outputs().forEach((name, o) -> outputs.put(name,
                fields(o.value(), o.treeRoot(), list(o.includes()), list(o.excludes()), o.fingerprint())));
        return fields(s.taskId().toString(), s.inputsFingerprint(), map(s.inputFingerprints()), map(outputs),
                s.runId(), time(s.committedAt()));
    }

    static TaskState unstate(String text) {
        if (text == null) {
            return null;
        }
        var f = split(text);
        var outputs = new LinkedHashMap<String, TaskState.RecordedOutput>();
        unmap(f.get(3)).forEach((name, encoded) -> {
            var o = split(encoded);
            outputs.put(name, new TaskState.RecordedOutput(o.get(0), o.get(1), unlist(o.get(2)), unlist(o.get(3)), o.get(4)));
        });
        return new TaskState(TaskId.parse(f.get(0)), f.get(1), unmap(f.get(2)), outputs, f.get(4), untime(f.get(5)));
    }

    static String entry(JournalEntry e) {
        return fields(e.runId(), Long.toString(e.sequence()), e.taskId().toString(), e.kind().name(), e.key(),
                e.detail(), state(e.pending()), time(e.at()));
    }

    static JournalEntry unentry(String text) {
        var f = split(text);
        return new JournalEntry(f.get(0), Long.parseLong(f.get(1)), TaskId.parse(f.get(2)),
                JournalEntry.Kind.valueOf(f.get(3)), f.get(4), f.get(5), unstate(f.get(6)), untime(f.get(7)));
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Instant untime(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String encode(String value) {
        return value == null ? "~" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String field) {
        return field.equals("~") ? null : URLDecoder.decode(field, StandardCharsets.UTF_8);
    }
}
