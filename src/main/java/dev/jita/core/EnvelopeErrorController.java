package dev.jita.core;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The container's error page (errors raised outside Spring MVC), answered in the envelope too. */
@RestController
class EnvelopeErrorController implements ErrorController {

    private final Messages messages;

    EnvelopeErrorController(Messages messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    ResponseEntity<ApiResponse> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String path = UntrustedText.forLog(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        // An error dispatch is a GET; the method the caller used is kept in an attribute.
        Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD);
        ApiException e = forStatus(status, method == null ? request.getMethod() : method.toString(), path);
        String message = messages.get(request, e.messageKey(), e.args());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(ApiResponse.error(e.result(), message));
    }

    /** What an error status set by the container, not by jita's code, means to the caller. */
    static ApiException forStatus(int status, String method, String path) {
        return switch (status) {
            case 401 -> new ApiException("401-00002", "error.unauthenticated");
            case 403 -> ApiException.forbidden();
            case 404 -> ApiException.notFound("error.path_not_found", path);
            case 405 -> new ApiException("405-00001", "error.method_not_allowed", UntrustedText.forLog(method), path);
            case 413 -> ApiException.badBody("error.body_too_large");
            case 414, 431 -> new ApiException(status + "-00001", "error.request_too_large");
            // 501 and 505: Tomcat cannot read the request (an unknown transfer coding, an unknown HTTP version).
            default -> (status >= 400 && status < 500) || status == 501 || status == 505
                    ? new ApiException(status + "-00001", "error.malformed_request")
                    : new ApiException("500-99999", "error.internal", "-");
        };
    }
}
