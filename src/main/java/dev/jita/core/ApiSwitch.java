package dev.jita.core;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code jita.api.enabled=false} makes a node a backyard-only node: it answers every /api/ call with 503 so
 * that a load balancer sends API traffic elsewhere. Health and metrics stay.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "jita.api.enabled", havingValue = "false")
class ApiSwitch {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiDisabledFilter(EnvelopeWriter envelope) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                envelope.write(request, response, new ApiException("503-00001", "error.api_disabled"));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
