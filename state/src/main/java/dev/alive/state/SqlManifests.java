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
    private final JdbiDatabase db;

    SqlManifests(JdbiDatabase db) {
        this.db = db;
    }

    void save(String fingerprint, Map<String, String> manifest) {
        byte[] content = gzip(Json.write(new TreeMap<>(manifest)));
        db.useHandle(handle -> handle.createUpdate("insert into <manifests> (fingerprint, entries, content) "
                        + "values (:fingerprint, :entries, :content) on conflict (fingerprint) do nothing")
                .bind("fingerprint", fingerprint)
                .bind("entries", manifest.size())
                .bind("content", content)
                .execute());
    }

    Optional<Map<String, String>> find(String fingerprint) {
        return db.withHandle(handle -> handle.createQuery("select content from <manifests> where fingerprint = :fingerprint")
                        .bind("fingerprint", fingerprint)
                        .mapTo(byte[].class)
                        .findOne())
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
