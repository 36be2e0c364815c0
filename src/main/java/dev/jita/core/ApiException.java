package dev.jita.core;

import java.util.Map;

/**
 * A request that jita answers with an error envelope. The message is a key in messages*.properties,
 * rendered in the caller's language when the answer is written.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String result;
    private final String messageKey;
    private final transient Object[] args;
    private final transient Map<String, String> headers;
    private transient Object data;

    public ApiException(String result, String messageKey, Object... args) {
        this(result, Map.of(), messageKey, args);
    }

    public ApiException(String result, Map<String, String> headers, String messageKey, Object... args) {
        super(result + " " + messageKey);
        this.status = Integer.parseInt(result.substring(0, 3));
        this.result = result;
        this.messageKey = messageKey;
        this.args = args;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public String result() {
        return result;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** What the error envelope carries in {@code data}: details a client can act on, or null. */
    public Object data() {
        return data;
    }

    public ApiException withData(Object data) {
        this.data = data;
        return this;
    }

    public static ApiException badRequest(String messageKey, Object... args) {
        return new ApiException("400-00001", messageKey, args);
    }

    public static ApiException badBody(String messageKey, Object... args) {
        return new ApiException("400-00002", messageKey, args);
    }

    public static ApiException forbidden() {
        return new ApiException("403-00001", "error.forbidden");
    }

    public static ApiException notFound(String messageKey, Object... args) {
        return new ApiException("404-00001", messageKey, args);
    }
}
