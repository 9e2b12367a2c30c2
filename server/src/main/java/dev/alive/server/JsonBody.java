package dev.alive.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A request's JSON object, read strictly: {@code application/json} only, at most the server's
 * body limit (a larger one is refused before it is read), one object, no duplicate keys, nothing
 * after it. Every refusal is a 400 INVALID_REQUEST naming what was wrong.
 */
final class JsonBody {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonBody() {
    }

    static ObjectNode read(Context ctx, int maxBytes) {
        var type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].strip().equals("application/json")) {
            throw new ApiProblem(new ApiError(400, "INVALID_REQUEST", "the body must be JSON (Content-Type: application/json), not "
                    + (type == null ? "nothing" : "'" + type + "'"), java.util.Map.of("field", "Content-Type")));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new ApiProblem(ApiError.of(400, "INVALID_REQUEST", "the body could not be read: " + e.getClass().getSimpleName()));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            node = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            var at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiProblem(ApiError.of(400, "INVALID_REQUEST", "malformed JSON" + at + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ApiProblem(ApiError.of(400, "INVALID_REQUEST", "malformed JSON"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiProblem(ApiError.of(400, "INVALID_REQUEST", "the body must be a JSON object"));
        }
        return object;
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return new ApiProblem(ApiError.of(400, "INVALID_REQUEST", "the body is larger than " + maxBytes + " bytes"));
    }
}
