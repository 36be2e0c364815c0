package dev.jita.core;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its answers' language, decided at first use (by then the caller is authenticated): the
 * {@code Language} header when it is there and not blank, else the caller's stored language, else the default.
 */
@Configuration(proxyBeanMethods = false)
class RequestLanguage {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLanguageFilter(Languages languages) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                request.setAttribute(Messages.LANGUAGE_ATTRIBUTE, new Chosen(request, languages));
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // Before every filter that may answer with an envelope.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The language of one request, looked up once. */
    static final class Chosen implements Supplier<Locale> {

        private final String header;
        private final Languages languages;
        private Locale locale;

        Chosen(HttpServletRequest request, Languages languages) {
            this.header = request.getHeader(Messages.LANGUAGE_HEADER);
            this.languages = languages;
        }

        @Override
        public synchronized Locale get() {
            if (locale == null) {
                locale = Messages.explicit(header).orElseGet(languages::forCaller);
            }
            return locale;
        }
    }
}
