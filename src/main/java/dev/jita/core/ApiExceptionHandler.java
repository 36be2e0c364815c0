package dev.jita.core;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of an API call into the Exastro envelope; nothing internal reaches the caller. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Messages messages;

    ApiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse> api(ApiException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        String message = messages.get(request, e.messageKey(), e.args());
        return ResponseEntity.status(e.status()).headers(headers).body(ApiResponse.error(e.result(), message, e.data()));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiResponse> notFound(Exception e, HttpServletRequest request) {
        return api(ApiException.notFound("error.path_not_found", request.getRequestURI()), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e,
                                                 HttpServletRequest request) {
        return api(new ApiException("405-00001", "error.method_not_allowed", request.getMethod(),
                request.getRequestURI()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return api(e.getContentType() == null
                ? new ApiException("415-00001", "error.no_content_type")
                : new ApiException("415-00001", "error.not_json", UntrustedText.forLog(e.getContentType())), request);
    }

    /** Spring Security's firewall refuses a header as it is read, after the filter chain has let it through. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ApiResponse> rejected(RequestRejectedException e, HttpServletRequest request) {
        return api(ApiException.badRequest("error.request_rejected"), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return api(ApiException.badBody("error.body_not_json"), request);
    }

    /** A multipart body that is malformed or larger than the server's multipart limits. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiResponse> multipart(MultipartException e, HttpServletRequest request) {
        return api(ApiException.badBody("error.multipart_unreadable"), request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiResponse> badParameter(Exception e, HttpServletRequest request) {
        return api(ApiException.badRequest("error.bad_parameter"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.is(e)) {
            return api(DatabaseOutage.answer(e, request), request);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", incident, request.getMethod(),
                UntrustedText.forLog(request.getRequestURI()), e);
        return api(new ApiException("500-99999", "error.internal", incident), request);
    }
}
