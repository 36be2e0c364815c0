package dev.jita.core;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code jita.api.enabled=false} makes a node a backyard-only node: it answers every /api/ call with 503 so
 * that a load balancer sends API traffic elsewhere. Health and metrics stay. Read when the node starts, not
 * when it is built, so that an ahead-of-time-processed build serves every role (see bin/jita).
 */
@Configuration(proxyBeanMethods = false)
class ApiSwitch {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiDisabledFilter(EnvelopeWriter envelope, Environment environment) {
        boolean apiEnabled = environment.getProperty("jita.api.enabled", Boolean.class, true);
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (apiEnabled) {
                    chain.doFilter(request, response);
                    return;
                }
                envelope.write(request, response, new ApiException("503-00001", "error.api_disabled"));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
