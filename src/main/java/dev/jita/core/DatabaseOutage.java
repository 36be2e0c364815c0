package dev.jita.core;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database that cannot be reached (down, restarting, refusing connections, or connections cut under a
 * request) is answered with 503 and Retry-After in the envelope, wherever the request was when it noticed:
 * in authentication, in the write guard or in a controller. Nothing is started meanwhile: every check of the
 * maintenance modes reads the database and fails with it. The pool replaces broken connections by itself.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    static final String RETRY_AFTER_SECONDS = "5";

    /** Whether {@code failure} says the database could not be reached, rather than that a statement was wrong. */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            // 08: connection exceptions; 57P0x: PostgreSQL's administrator shutdown or a terminated backend.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** The answer to a request that met an unreachable database. */
    static ApiException answer(Throwable failure, HttpServletRequest request) {
        log.warn("The database cannot be reached; answered {} {} with 503: {}", request.getMethod(),
                UntrustedText.forLog(request.getRequestURI()), failure.getMessage());
        return new ApiException("503-00003", Map.of("Retry-After", RETRY_AFTER_SECONDS), "error.database_unavailable");
    }

    /** Outside Spring MVC (authentication and the other filters read the database too). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(EnvelopeWriter envelope) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (RuntimeException | ServletException e) {
                    if (!is(e) || response.isCommitted()) {
                        throw e;
                    }
                    response.resetBuffer();
                    envelope.write(request, response, answer(e, request));
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // Inside the language filter (the message is in the caller's language), around everything else.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
