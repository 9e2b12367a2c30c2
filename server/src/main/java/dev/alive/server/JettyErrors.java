package dev.alive.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * What Jetty refuses before a route sees it (an ambiguous or malformed URI, oversized headers, a
 * body that timed out) is answered in the API's JSON error shape too, not as an HTML page.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        var reason = (String) request.getAttribute("jakarta.servlet.error.message");
        response.setContentType("application/json");
        response.getOutputStream().write(body(response.getStatus(), reason));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        var code = status == 404 ? "NOT_FOUND" : status == 408 ? "REQUEST_TIMEOUT"
                : status >= 400 && status < 500 ? "INVALID_REQUEST" : "INTERNAL";
        var message = "the request was refused (HTTP " + status + ")"
                + (reason == null || reason.isBlank() ? "" : ": " + SubdomainRoute.printable(reason));
        try {
            return JsonBody.MAPPER.writeValueAsString(ApiError.of(status, code, message).body()).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
