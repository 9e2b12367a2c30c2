package dev.alive.deploy.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes documents as indented JSON, each with {@code "formatVersion": 1} first: the one place the
 * version is written. Within a version fields are only added. Jackson is loaded only when a
 * document is written.
 */
public final class JsonDocuments {

    public static final int FORMAT_VERSION = 1;

    private JsonDocuments() {
    }

    public static String write(Document document) {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        var json = mapper.createObjectNode().put("formatVersion", FORMAT_VERSION);
        json.setAll((ObjectNode) mapper.valueToTree(document));
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
