package dev.jita.core;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes an error envelope straight to the response, for code that runs before Spring MVC (filters). */
@Component
public class EnvelopeWriter {

    private final ObjectMapper json;
    private final Messages messages;

    EnvelopeWriter(ObjectMapper json, Messages messages) {
        this.json = json;
        this.messages = messages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException error)
            throws IOException {
        response.setStatus(error.status());
        error.headers().forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(request, error).getBytes(StandardCharsets.UTF_8));
    }

    /** The envelope of {@code error} as JSON text, in the request's language. */
    public String json(HttpServletRequest request, ApiException error) {
        String message = messages.get(request, error.messageKey(), error.args());
        return json.writeValueAsString(ApiResponse.error(error.result(), message));
    }
}
