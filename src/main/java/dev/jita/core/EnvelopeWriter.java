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
        String message = messages.get(request, error.messageKey(), error.args());
        response.getOutputStream().write(json.writeValueAsBytes(ApiResponse.error(error.result(), message)));
    }
}
