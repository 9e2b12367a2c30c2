package dev.alive.deploy.legacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a JSON object keyed by domain, one entry at a time, so that values the reader does not
 * ask for are skipped unread (never held, never in a message: the parser's source snippets are off
 * and its messages are not passed on).
 */
final class JsonPorts {
    static final int FIRST_PORT = 3333;
    static final int LAST_PORT = 3999;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    /** Reads the value of one domain's entry, the parser on its first token; returns the port. */
    interface EntryReader {
        int read(JsonParser parser, String domain) throws IOException;
    }

    private JsonPorts() {
    }

    static List<PortEntry> read(Path file, String shape, EntryReader entry) {
        Map<String, PortEntry> entries = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(Files.newInputStream(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw problem(file, parser, "is not a JSON object", shape);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String domain = parser.currentName();
                int line = line(parser);
                parser.nextToken();
                int port = entry.read(parser, domain);
                if (port < FIRST_PORT || port > LAST_PORT) {
                    throw new LegacyReadException(file, line, "the port of " + domain + " is " + port
                            + ", outside the as-is range " + FIRST_PORT + "-" + LAST_PORT,
                            "Correct the entry (the env file and the Caddy block hold the port the site runs on)");
                }
                if (entries.put(domain, new PortEntry(domain, port, file + " line " + line)) != null) {
                    throw new LegacyReadException(file, line, domain + " is listed twice",
                            "Keep one entry per domain");
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw problem(file, parser, "has content after its object", shape);
            }
        } catch (NoSuchFileException e) {
            throw new LegacyReadException(file, "does not exist", "Give the file's path, or leave it out when the "
                    + "ports come from the state store's app.domains");
        } catch (JsonProcessingException e) {
            // the message may quote the input, which may hold a removed key's value: only the place
            throw new LegacyReadException(file, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "is not valid JSON (column " + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr()) + ")",
                    "Fix the file so that it is " + shape);
        } catch (IOException e) {
            throw new LegacyReadException(file, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check that it is a readable file");
        }
        return new ArrayList<>(entries.values());
    }

    static LegacyReadException problem(Path file, JsonParser parser, String problem, String shape) {
        return new LegacyReadException(file, line(parser), problem, "Fix the file so that it is " + shape);
    }

    static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
