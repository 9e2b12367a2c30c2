package dev.alive.state;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState.RecordedOutput;
import dev.alive.engine.task.TaskState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link TaskState} as stored JSON text, with a format version so later builds can read it. */
final class TaskStateCodec {
    private static final long FORMAT = 1;

    private TaskStateCodec() {
    }

    static String encode(TaskState state) {
        var outputs = new TreeMap<String, Object>();
        state.outputs().forEach((name, output) -> outputs.put(name, encode(output)));
        var json = new LinkedHashMap<String, Object>();
        json.put("format", FORMAT);
        json.put("task", state.taskId().toString());
        json.put("inputsFingerprint", state.inputsFingerprint());
        json.put("inputFingerprints", new TreeMap<>(state.inputFingerprints()));
        json.put("outputs", outputs);
        json.put("runId", state.runId());
        json.put("committedAt", state.committedAt() == null ? null : state.committedAt().toString());
        return Json.write(json);
    }

    static TaskState decode(String text) {
        Map<String, Object> json = asMap(Json.parse(text));
        if (!Long.valueOf(FORMAT).equals(json.get("format"))) {
            throw new IllegalArgumentException("stored task state has format " + json.get("format")
                    + "; this build of alive reads format " + FORMAT);
        }
        var inputs = new LinkedHashMap<String, String>();
        asMap(json.get("inputFingerprints")).forEach((name, value) -> inputs.put(name, (String) value));
        var outputs = new LinkedHashMap<String, RecordedOutput>();
        asMap(json.get("outputs")).forEach((name, value) -> outputs.put(name, decodeOutput(asMap(value))));
        String committedAt = (String) json.get("committedAt");
        return new TaskState(
                TaskId.parse((String) json.get("task")),
                (String) json.get("inputsFingerprint"),
                inputs,
                outputs,
                (String) json.get("runId"),
                committedAt == null ? null : Instant.parse(committedAt));
    }

    private static Map<String, Object> encode(RecordedOutput output) {
        var json = new LinkedHashMap<String, Object>();
        json.put("value", output.value());
        json.put("treeRoot", output.treeRoot());
        json.put("includes", output.includes());
        json.put("excludes", output.excludes());
        json.put("fingerprint", output.fingerprint());
        return json;
    }

    private static RecordedOutput decodeOutput(Map<String, Object> json) {
        return new RecordedOutput(
                (String) json.get("value"),
                (String) json.get("treeRoot"),
                strings(json.get("includes")),
                strings(json.get("excludes")),
                (String) json.get("fingerprint"));
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("stored task state is not a JSON object where one is expected");
        }
        return (Map<String, Object>) value;
    }
}
