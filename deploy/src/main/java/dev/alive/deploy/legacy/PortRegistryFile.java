package dev.alive.deploy.legacy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.List;

/**
 * The as-is port registry {@code domain-passwords.json}:
 * {@code {"example.alive.best": {"port": 3333, "createdAt": "..."}}}, ports 3333-3999. Every key
 * but {@code port} is skipped unread: older files still carry the removed {@code passwordHash},
 * {@code tenantId}, {@code email} and {@code credits}, which are never held, copied or printed.
 */
public final class PortRegistryFile {
    static final String SHAPE = "an object keyed by domain, each {\"port\": 3333, ...}";

    private PortRegistryFile() {
    }

    /** @throws LegacyReadException naming file, line and fix when the file is not of that shape */
    public static List<PortEntry> read(Path file) {
        return JsonPorts.read(file, SHAPE, (parser, domain) -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw JsonPorts.problem(file, parser, "the entry of " + domain + " is not an object", SHAPE);
            }
            Integer port = null;
            int entryLine = JsonPorts.line(parser);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                if (key.equals("port")) {
                    port = portValue(file, parser, domain);
                } else {
                    parser.skipChildren(); // removed keys among them: skipped unread
                }
            }
            if (port == null) {
                throw new LegacyReadException(file, entryLine, "the entry of " + domain + " has no port",
                        "Add its \"port\" (the PORT= of its env file)");
            }
            return port;
        });
    }

    static int portValue(Path file, JsonParser parser, String domain) throws java.io.IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw JsonPorts.problem(file, parser, "the port of " + domain + " is not a whole number", SHAPE);
        }
        return parser.getIntValue();
    }
}
