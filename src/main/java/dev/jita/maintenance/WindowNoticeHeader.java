package dev.jita.maintenance;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-Maintenance-Scheduled: <start>} on every API answer from {@code jita.maintenance.notice-lead} before a
 * maintenance window until it ends, so that scripts and agents can plan around it. After authentication: a
 * caller without valid credentials is not told.
 */
@Configuration(proxyBeanMethods = false)
class WindowNoticeHeader {

    static final String HEADER = "X-Maintenance-Scheduled";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> windowNoticeHeaderFilter(MaintenanceWindows windows) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                windows.notice().ifPresent(window -> response.setHeader(HEADER, MaintenanceWindows.shown(window.start())));
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }
}
