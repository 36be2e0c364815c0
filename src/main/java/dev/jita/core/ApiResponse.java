package dev.jita.core;

import java.time.Instant;

/** The Exastro envelope that wraps every JSON answer, errors included. */
public record ApiResponse(String result, String message, String ts, Object data) {

    public static final String SUCCESS = "000-00000";

    public static ApiResponse ok(Object data) {
        return new ApiResponse(SUCCESS, "SUCCESS", Times.envelope(Instant.now()), data);
    }

    public static ApiResponse error(String result, String message) {
        return error(result, message, null);
    }

    public static ApiResponse error(String result, String message, Object data) {
        return new ApiResponse(result, message, Times.envelope(Instant.now()), data);
    }
}
