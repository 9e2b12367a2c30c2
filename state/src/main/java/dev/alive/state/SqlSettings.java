package dev.alive.state;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** alive's settings rows; for now the fingerprint key, made once per database by whoever asks first. */
final class SqlSettings {
    private static final String FINGERPRINT_KEY = "fingerprint_key";

    private final PlainJdbc jdbc;
    private volatile byte[] fingerprintKey;

    SqlSettings(JdbiDatabase db) {
        this.jdbc = db.jdbc();
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
        return jdbc.query("select value from <settings> where name = ?", statement -> statement.setString(1, name),
                rows -> rows.next() ? Optional.of(HexFormat.of().parseHex(rows.getString(1))) : Optional.empty());
    }

    private void insertIfMissing(String name, String value) {
        jdbc.update("insert into <settings> (name, value) values (?, ?) on conflict (name) do nothing", statement -> {
            statement.setString(1, name);
            statement.setString(2, value);
        });
    }
}
