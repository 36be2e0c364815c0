package dev.jita.maintenance;

import dev.jita.core.EnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In load mode every non-GET under /api/ita/ is refused with 498-00001, whatever its path. It runs after
 * authentication, so an anonymous caller still gets 401. Writes behind these paths also pass the gate in
 * their own transaction, which keeps them strict; this filter answers the rest.
 */
@Configuration(proxyBeanMethods = false)
class SystemWriteGuard {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> systemWriteGuardFilter(MaintenanceGate gate, EnvelopeWriter envelope) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (!READS.contains(request.getMethod()) && gate.guarded() && gate.current().dataUpdateStop()) {
                    envelope.write(request, response,
                            gate.refused(Refusal.SYSTEM_API, request.getMethod(), request.getRequestURI()));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/ita/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
