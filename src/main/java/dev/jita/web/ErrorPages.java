package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.DatabaseOutage;
import dev.jita.core.Messages;
import dev.jita.core.UntrustedText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors a person sees in a browser answer an HTML page with the layout, in the page's language: a refusal or
 * failure of a page (never the JSON of the API, never a stack trace), and an unknown path outside {@code /api}
 * asked for as HTML. Everything else (the API, the pages' JSON endpoints, scripts) is left to the envelope.
 */
@Component
class ErrorPages implements HandlerExceptionResolver, Ordered {

    static final String VIEW = "problem";
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final PageModel pageModel;
    private final Messages messages;

    ErrorPages(PageModel pageModel, Messages messages) {
        this.pageModel = pageModel;
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        boolean unknownPath = (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException)
                && !isApi(request) && acceptsHtml(request);
        if (!unknownPath && !isPage(handler)) {
            return null;
        }
        ApiException error = unknownPath
                ? ApiException.notFound("error.path_not_found", UntrustedText.forLog(request.getRequestURI()))
                : translate(failure, request);
        error.headers().forEach(response::setHeader);
        response.setStatus(error.status());
        return page(request, error);
    }

    /** The error page for {@code error}, with the status to set on the response. */
    ModelAndView page(HttpServletRequest request, ApiException error) {
        ModelAndView page = new ModelAndView(VIEW, pageModel.attributes(request));
        page.addObject("status", error.status());
        page.addObject("result", error.result());
        page.addObject("message", messages.get(LocaleContextHolder.getLocale(), error.messageKey(), error.args()));
        return page;
    }

    /** A page handler of the web UI: a handler method of this module that renders a view (not JSON). */
    private static boolean isPage(Object handler) {
        return handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().equals(ErrorPages.class.getPackageName())
                && !method.hasMethodAnnotation(ResponseBody.class)
                && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** A browser navigating asks for text/html by name; scripts and the API's clients do not. */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.getQualityValue() > 0
                    && type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static ApiException translate(Exception failure, HttpServletRequest request) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof MissingServletRequestParameterException
                || failure instanceof MethodArgumentTypeMismatchException) {
            return ApiException.badRequest("error.bad_parameter");
        }
        if (failure instanceof MultipartException) {
            return ApiException.badBody("error.multipart_unreadable");
        }
        if (DatabaseOutage.is(failure)) {
            return new ApiException("503-00003", Map.of("Retry-After", "5"), "error.database_unavailable");
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error {} on page {} {}", incident, request.getMethod(),
                UntrustedText.forLog(request.getRequestURI()), failure);
        return new ApiException("500-99999", "error.internal", incident);
    }
}
