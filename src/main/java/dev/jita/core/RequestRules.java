package dev.jita.core;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before authentication and before anything reads the database, the requests jita never serves:
 * <ul>
 * <li>a path or a parameter name holding a control character, a parameter value holding one other than tab,
 * LF and CR, or parameters that cannot be read (not UTF-8, too many, too large) → 400;</li>
 * <li>under /api/: a POST that is not declared JSON, or any other request carrying a body or a content type
 * that is not JSON → 415. A browser sends JSON across sites only after a CORS preflight, which jita never
 * grants, so no other site can make a browser holding an operator's credentials change anything.</li>
 * <li>the one exception: {@code multipart/form-data} on the menu maintenance endpoints (the per-menu Excel
 * maintenance and the Excel bulk upload too), where Exastro takes it.
 * A browser posts multipart across sites without a preflight, and with the Basic credentials it has cached,
 * so such a request is refused (403) when it shows any sign of coming from a web page: an {@code Origin} of
 * another host, {@code Sec-Fetch-Site} other than same-origin or none, or {@code Sec-Fetch-Mode: navigate}
 * (a form submission). Scripts send none of these.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestRules {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestRulesFilter(EnvelopeWriter envelope) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(envelope));
        // After the character encoding filter (parameters decode as UTF-8), before Spring Security (-100).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final Pattern MULTIPART_POST =
                Pattern.compile("/api/[^/]+/workspaces/[^/]+/ita/menu/[^/]+/(maintenance(/all)?|excel/maintenance)/?");
        private static final Pattern MULTIPART_EXCEL_UPLOAD =
                Pattern.compile("/api/[^/]+/workspaces/[^/]+/ita/excel/bulk/upload/?");
        private static final Pattern MULTIPART_PATCH =
                Pattern.compile("/api/[^/]+/workspaces/[^/]+/ita/menu/[^/]+/maintenance/[^/]+/?");

        private final EnvelopeWriter envelope;

        Filter(EnvelopeWriter envelope) {
            this.envelope = envelope;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ApiException refusal = refusal(request);
            if (refusal != null) {
                envelope.write(request, response, refusal);
                return;
            }
            chain.doFilter(request, response);
        }

        private static ApiException refusal(HttpServletRequest request) {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            int refused = UntrustedText.refusedCharacter(path, false);
            if (refused >= 0) {
                return ApiException.badRequest("error.path_control_character", UntrustedText.codePoint(refused));
            }
            if (path.startsWith("/api/") && isMultipart(request) && takesMultipart(request.getMethod(), path)) {
                if (fromAWebPage(request)) {
                    return new ApiException("403-00001", "error.multipart_from_web_page");
                }
                // Its parts are read, under the same rules, by MultipartForm once the caller is authenticated.
                return queryRefusal(request.getQueryString());
            } else if (path.startsWith("/api/") && !isJson(request)) {
                return request.getContentType() == null
                        ? new ApiException("415-00001", "error.no_content_type")
                        : new ApiException("415-00001", "error.not_json", UntrustedText.forLog(request.getContentType()));
            }
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (InvalidParameterException e) {
                return ApiException.badRequest("error.parameters_unreadable");
            }
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                String name = parameter.getKey();
                refused = UntrustedText.refusedCharacter(name, false);
                for (String value : parameter.getValue()) {
                    if (refused < 0) {
                        refused = UntrustedText.refusedCharacter(value, true);
                    }
                }
                if (refused >= 0) {
                    return ApiException.badRequest("error.parameter_control_character", UntrustedText.forLog(name),
                            UntrustedText.codePoint(refused));
                }
            }
            return null;
        }

        private static ApiException queryRefusal(String query) {
            if (query == null) {
                return null;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(query, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return ApiException.badRequest("error.parameters_unreadable");
            }
            int refused = UntrustedText.refusedCharacter(decoded, true);
            return refused < 0 ? null : ApiException.badRequest("error.parameter_control_character",
                    UntrustedText.forLog(decoded), UntrustedText.codePoint(refused));
        }

        /** The menu maintenance endpoints, which take Exastro's json_parameters and file parts, and the Excel uploads. */
        static boolean takesMultipart(String method, String path) {
            return ("POST".equals(method) && (MULTIPART_POST.matcher(path).matches()
                    || MULTIPART_EXCEL_UPLOAD.matcher(path).matches()))
                    || ("PATCH".equals(method) && MULTIPART_PATCH.matcher(path).matches());
        }

        private static boolean isMultipart(HttpServletRequest request) {
            String contentType = request.getContentType();
            try {
                return contentType != null
                        && MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /** Whether a browser sent this from a page (another site's form, or any form): see the class comment. */
        private static boolean fromAWebPage(HttpServletRequest request) {
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null && !site.equals("same-origin") && !site.equals("none")) {
                return true;
            }
            if ("navigate".equals(request.getHeader("Sec-Fetch-Mode"))) {
                return true;
            }
            String origin = request.getHeader("Origin");
            if (origin == null) {
                return false;
            }
            try {
                String host = request.getHeader("Host");
                return host == null || !host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
            } catch (IllegalArgumentException e) {
                return true;
            }
        }

        /** Whether the request's body, if any, is declared as JSON (UTF-8, the only charset JSON has). */
        private static boolean isJson(HttpServletRequest request) {
            String contentType = request.getContentType();
            if (contentType == null) {
                boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
                return !hasBody && !"POST".equals(request.getMethod());
            }
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                boolean json = MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                        || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
                return json && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // An unparsable type or an unknown charset.
                return false;
            }
        }
    }
}
