package dev.jita.conductor;

import dev.jita.core.Times;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The notices of a class's {@code notice_info}: on each status change of an instance, the instance code calls
 * {@link #queue} in its own transaction; the notices are then sent by the backyard nodes ({@link NoticeSender}),
 * so a slow or failing receiver never holds up or fails the instance.
 */
@Component
public class ConductorNotices {

    private static final Logger LOG = LoggerFactory.getLogger(ConductorNotices.class);
    /** Exastro's rendering of times in a notice: Python's str() of its UTC timestamps. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    /** Exastro's variables, as the definition menu's help lists them. */
    private static final List<String> VARIABLES = List.of("CONDUCTOR_INSTANCE_ID", "CONDUCTOR_NAME", "OPERATION_ID",
            "OPERATION_NAME", "STATUS_ID", "EXECUTION_USER", "PARENT_CONDUCTOR_INSTANCE_ID", "PARENT_CONDUCTOR_NAME",
            "TOP_CONDUCTOR_INSTANCE_ID", "TOP_CONDUCTOR_NAME", "ABORT_EXECUTE_FLAG", "REGISTER_TIME", "TIME_BOOK",
            "TIME_START", "TIME_END", "NOTE", "NOTICE_NAME", "JUMP_URL");
    private static final Pattern VARIABLE = Pattern.compile("__(" + String.join("|", VARIABLES) + ")__");
    /** Exastro's confirmation page of an instance, after the definition's fqdn. */
    static final String JUMP_PATH = "/ui/ws/%s/%s/conductor-instances/%s";

    private final NoticeDefinitions definitions;
    private final NoticeOutbox outbox;
    private final ObjectMapper json;

    ConductorNotices(NoticeDefinitions definitions, NoticeOutbox outbox, ObjectMapper json) {
        this.definitions = definitions;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Queues, in the caller's transaction, one notice per name of {@code event.noticeInfo()} whose status
     * list holds the event's status, whose definition is active and not suppressed now. A name without a
     * definition, or a definition that cannot be rendered, is logged and skipped: never thrown.
     */
    public void queue(NoticeEvent event) {
        JsonNode info = event.noticeInfo();
        if (info == null || !info.isObject() || info.isEmpty()) {
            return;
        }
        String status = String.valueOf(event.statusId());
        List<String> names = info.properties().stream()
                .filter(e -> e.getValue().isArray() && e.getValue().values().stream().anyMatch(s -> status.equals(ClassValidation.text(s))))
                .map(Map.Entry::getKey).toList();
        if (names.isEmpty()) {
            return;
        }
        Map<String, NoticeDefinitions.Definition> active = definitions.active(event.organizationId(), event.workspaceId());
        Instant now = Times.now();
        for (String name : names) {
            NoticeDefinitions.Definition definition = active.get(name);
            if (definition == null) {
                LOG.warn("Conductor instance {}: notice \"{}\" has no active definition in {}; not sent",
                        event.conductorInstanceId(), name, NoticeDefinitions.MENU);
                continue;
            }
            if (definition.suppressedAt(now)) {
                LOG.info("Conductor instance {}: notice \"{}\" is suppressed now; not sent", event.conductorInstanceId(), name);
                continue;
            }
            String body;
            try {
                body = render(definition, event);
                json.readTree(body);
            } catch (JacksonException | IllegalArgumentException e) {
                LOG.warn("Conductor instance {}: notice \"{}\" cannot be rendered as JSON; not sent",
                        event.conductorInstanceId(), name);
                continue;
            }
            outbox.add(new NoticeOutbox.NewNotice(event.organizationId(), event.workspaceId(), event.conductorInstanceId(),
                    name, event.statusId(), definition.url(), definition.header(), definition.proxyUrl(),
                    definition.proxyPort(), body), now);
        }
    }

    /** What became of an instance's notices, oldest first. */
    List<NoticeOutbox.Delivery> deliveries(String organizationId, String workspaceId, String conductorInstanceId) {
        return outbox.deliveries(organizationId, workspaceId, conductorInstanceId);
    }

    /**
     * The definition's fields with Exastro's variables replaced in one pass. Each value is escaped as the
     * content of a JSON string, where a valid fields text can hold a variable.
     */
    String render(NoticeDefinitions.Definition definition, NoticeEvent event) {
        Map<String, String> values = variables(definition, event);
        Matcher matcher = VARIABLE.matcher(definition.fields());
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(escaped(values.get(matcher.group()))));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    private static Map<String, String> variables(NoticeDefinitions.Definition definition, NoticeEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("__CONDUCTOR_INSTANCE_ID__", event.conductorInstanceId());
        values.put("__CONDUCTOR_NAME__", event.conductorName());
        values.put("__OPERATION_ID__", event.operationId());
        values.put("__OPERATION_NAME__", event.operationName());
        values.put("__STATUS_ID__", String.valueOf(event.statusId()));
        values.put("__EXECUTION_USER__", event.executionUser());
        values.put("__PARENT_CONDUCTOR_INSTANCE_ID__", event.parentConductorInstanceId());
        values.put("__PARENT_CONDUCTOR_NAME__", event.parentConductorName());
        values.put("__TOP_CONDUCTOR_INSTANCE_ID__", event.topConductorInstanceId());
        values.put("__TOP_CONDUCTOR_NAME__", event.topConductorName());
        values.put("__ABORT_EXECUTE_FLAG__", event.abortExecuteFlag() ? "1" : "0");
        values.put("__REGISTER_TIME__", time(event.timeRegister()));
        values.put("__TIME_BOOK__", time(event.timeBook()));
        values.put("__TIME_START__", time(event.timeStart()));
        values.put("__TIME_END__", time(event.timeEnd()));
        values.put("__NOTE__", event.note());
        values.put("__NOTICE_NAME__", definition.name());
        values.put("__JUMP_URL__", jumpUrl(definition.fqdn(), event));
        values.replaceAll((k, v) -> v == null ? "" : v);
        return values;
    }

    private static String jumpUrl(String fqdn, NoticeEvent event) {
        if (fqdn == null || fqdn.isEmpty()) {
            return "";
        }
        String base = fqdn.endsWith("/") ? fqdn.substring(0, fqdn.length() - 1) : fqdn;
        return base + JUMP_PATH.formatted(event.organizationId(), event.workspaceId(), event.conductorInstanceId());
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private String escaped(String value) {
        String quoted = json.writeValueAsString(value);
        return quoted.substring(1, quoted.length() - 1);
    }
}
