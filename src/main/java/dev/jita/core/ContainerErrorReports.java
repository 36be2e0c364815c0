package dev.jita.core;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before any servlet sees them: a malformed request line, an invalid or
 * encoded-slash path, headers larger than {@code server.max-http-request-header-size}. Its host then writes
 * an HTML error page; jita's host writes the envelope instead.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports(EnvelopeWriter envelope) {
        // The context is already a child of its host here, and the host has not started: the host keeps this
        // valve rather than adding its own (it looks for one of the class it is told to use).
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(EnvelopeValve.class.getName());
                host.getPipeline().addValve(new EnvelopeValve(envelope));
            }
        });
    }

    static final class EnvelopeValve extends ErrorReportValve {

        private final EnvelopeWriter envelope;

        EnvelopeValve(EnvelopeWriter envelope) {
            this.envelope = envelope;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String path = UntrustedText.forLog(request.getRequestURI());
            String body = envelope.json(request, EnvelopeErrorController.forStatus(status, request.getMethod(), path));
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (java.io.IOException | IllegalStateException e) {
                // The connection is gone or the response can no longer be written: nothing left to tell.
            }
        }
    }
}
