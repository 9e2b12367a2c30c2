package dev.alive.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Tree manifests, content-addressed by their fingerprint (so shared by every unit), stored as gzipped JSON. */
final class SqlManifests {
    private final PlainJdbc jdbc;

    SqlManifests(JdbiDatabase db) {
        this.jdbc = db.jdbc();
    }

    void save(String fingerprint, Map<String, String> manifest) {
        byte[] content = gzip(Json.write(new TreeMap<>(manifest)));
        jdbc.update("insert into <manifests> (fingerprint, entries, content) values (?, ?, ?) on conflict (fingerprint) do nothing",
                statement -> {
                    statement.setString(1, fingerprint);
                    statement.setInt(2, manifest.size());
                    statement.setBytes(3, content);
                });
    }

    Optional<Map<String, String>> find(String fingerprint) {
        return jdbc.query("select content from <manifests> where fingerprint = ?", statement -> statement.setString(1, fingerprint),
                rows -> rows.next() ? Optional.of(rows.getBytes(1)) : Optional.<byte[]>empty())
                .map(SqlManifests::decode);
    }

    private static Map<String, String> decode(byte[] content) {
        if (!(Json.parse(gunzip(content)) instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("stored manifest is not a JSON object");
        }
        var manifest = new LinkedHashMap<String, String>();
        json.forEach((path, digest) -> manifest.put((String) path, (String) digest));
        return Collections.unmodifiableMap(manifest);
    }

    private static byte[] gzip(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] content) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("stored manifest is not readable gzip", e);
        }
    }
}
