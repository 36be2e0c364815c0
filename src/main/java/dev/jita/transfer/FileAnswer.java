package dev.jita.transfer;

import dev.jita.core.ApiResponse;
import dev.jita.core.Times;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/**
 * A job's file as every menu's file download answers it ({@code file_name} and base64 {@code file_data} in the
 * envelope), written as it is read: a file of any size passes without being held in memory.
 */
final class FileAnswer {

    private FileAnswer() {
    }

    static void write(HttpServletResponse response, ObjectMapper json, String name, InputStream content)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (content) {
            OutputStream out = response.getOutputStream();
            out.write(("{\"result\":" + json.writeValueAsString(ApiResponse.SUCCESS) + ",\"message\":\"SUCCESS\","
                    + "\"ts\":" + json.writeValueAsString(Times.envelope(Instant.now())) + ",\"data\":{\"file_name\":"
                    + json.writeValueAsString(name) + ",\"file_data\":\"").getBytes(StandardCharsets.UTF_8));
            OutputStream base64 = Base64.getEncoder().wrap(new KeptOpen(out));
            content.transferTo(base64);
            base64.close();
            out.write("\"}}".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** The file as Exastro's per-menu Excel endpoints answer it: {@code data} the base64 of its bytes. */
    static void writeData(HttpServletResponse response, ObjectMapper json, InputStream content) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (content) {
            OutputStream out = response.getOutputStream();
            out.write(("{\"result\":" + json.writeValueAsString(ApiResponse.SUCCESS) + ",\"message\":\"SUCCESS\","
                    + "\"ts\":" + json.writeValueAsString(Times.envelope(Instant.now())) + ",\"data\":\"")
                    .getBytes(StandardCharsets.UTF_8));
            OutputStream base64 = Base64.getEncoder().wrap(new KeptOpen(out));
            content.transferTo(base64);
            base64.close();
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** A stream whose close only flushes: a writer that closes what it wrote to leaves the stream open beneath. */
    static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
