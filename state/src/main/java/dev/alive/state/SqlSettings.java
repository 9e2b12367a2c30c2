package dev.alive.state;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** alive's settings rows; for now the fingerprint key, made once per database by whoever asks first. */
final class SqlSettings {
    private static final String FINGERPRINT_KEY = "fingerprint_key";

    private final JdbiDatabase db;
    private volatile byte[] fingerprintKey;

    SqlSettings(JdbiDatabase db) {
        this.db = db;
    }

    byte[] fingerprintKey() {
        byte[] key = fingerprintKey;
        if (key == null) {
            key = read(FINGERPRINT_KEY).orElseGet(() -> {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                insertIfMissing(FINGERPRINT_KEY, HexFormat.of().formatHex(fresh));
                return read(FINGERPRINT_KEY).orElseThrow();
            });
            fingerprintKey = key;
        }
        return key.clone();
    }

    private Optional<byte[]> read(String name) {
        return db.withHandle(handle -> handle.createQuery("select value from <settings> where name = :name")
                        .bind("name", name)
                        .mapTo(String.class)
                        .findOne())
                .map(HexFormat.of()::parseHex);
    }

    private void insertIfMissing(String name, String value) {
        db.useHandle(handle -> handle.createUpdate("insert into <settings> (name, value) values (:name, :value) "
                        + "on conflict (name) do nothing")
                .bind("name", name)
                .bind("value", value)
                .execute());
    }
}
