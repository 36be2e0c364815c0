package dev.jita.core;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code multipart/form-data} request read under the same rules as a JSON body: fields are UTF-8 (else
 * 400-00002) and hold no control character other than tab, LF and CR; part names and file names hold none at
 * all; all parts together are at most {@code maxBytes}.
 *
 * @param fields the parts without a file name, as text
 * @param files  the parts with a file name, by part name
 */
public record MultipartForm(Map<String, String> fields, Map<String, UploadedFile> files) {

    /** A file part: the name its sender gave it, and its bytes. */
    public record UploadedFile(String fileName, byte[] content) {
    }

    public static MultipartForm read(HttpServletRequest request, int maxBytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, UploadedFile> files = new LinkedHashMap<>();
        long total = 0;
        try {
            for (Part part : request.getParts()) {
                String name = part.getName();
                checkName(name, name);
                byte[] content;
                try (InputStream in = part.getInputStream()) {
                    content = in.readNBytes(maxBytes + 1);
                }
                total += content.length;
                if (total > maxBytes) {
                    throw ApiException.badBody("error.body_too_large");
                }
                if (part.getSubmittedFileName() == null) {
                    fields.put(name, text(name, content));
                } else {
                    checkName(name, part.getSubmittedFileName());
                    files.put(name, new UploadedFile(part.getSubmittedFileName(), content));
                }
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            // A body that is not well-formed multipart, or one larger than the server's multipart limits.
            throw ApiException.badBody("error.multipart_unreadable");
        }
        return new MultipartForm(fields, files);
    }

    private static void checkName(String field, String name) {
        int refused = UntrustedText.refusedCharacter(name, false);
        if (refused >= 0) {
            throw ApiException.badBody("error.control_character", UntrustedText.forLog(field), UntrustedText.codePoint(refused));
        }
    }

    private static String text(String field, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badBody("error.body_not_utf8");
        }
        int refused = UntrustedText.refusedCharacter(text, true);
        if (refused >= 0) {
            throw ApiException.badBody("error.control_character", UntrustedText.forLog(field), UntrustedText.codePoint(refused));
        }
        return text;
    }
}
