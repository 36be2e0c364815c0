package dev.jita.conductor;

import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import dev.jita.menu.RecordCheck;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code conductor_notice_definition}: where and what a class's {@code notice_info} names send, with Exastro's
 * columns (its proxy port is {@code port_url}, as Exastro names it; its discarded column {@code other} is
 * left out). Written through the generic menu endpoints; this also checks what the columns alone cannot.
 */
@Component
class NoticeDefinitions implements MenuCatalog.MenuProvider, RecordCheck {

    static final String MENU = "conductor_notice_definition";
    private static final int URL_LENGTH = 4096;
    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
    /** RFC 9110 field names. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the HTTP client sets itself and refuses to take from a caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

    /** An active definition as stored. Times of the suppression window are UTC, as every menu time. */
    record Definition(String name, String url, String header, String fields, String proxyUrl, Integer proxyPort,
                      String fqdn, Instant suppressStart, Instant suppressEnd) {

        /** Exastro's rule: suppressed after the start (if any) and before the end (if any), one of them set. */
        boolean suppressedAt(Instant now) {
            if (suppressStart == null && suppressEnd == null) {
                return false;
            }
            return (suppressStart == null || now.isAfter(suppressStart)) && (suppressEnd == null || now.isBefore(suppressEnd));
        }
    }

    /** Lazily: the menu engine is built with every record check, this one among them. */
    private final ObjectProvider<MenuService> menus;
    private final ObjectMapper json;

    NoticeDefinitions(ObjectProvider<MenuService> menus, ObjectMapper json) {
        this.menus = menus;
        this.json = json;
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(new MenuDefinition(MENU, "Conductor notice definition", "Conductor通知先定義", List.of(
                Column.id("conductor_notice_id", "Conductor notice ID", "Conductor通知ID"),
                Column.text("notice_name", "Notice Name", "通知名称", true, true, 255),
                Column.text("notice_url", "Notice URL", "通知先URL", true, false, URL_LENGTH),
                Column.multiline("header", "Header", "ヘッダー", true, 8192),
                Column.multiline("fields", "Fields", "メッセージ", true, 65_535),
                Column.text("proxy_url", "PROXY URL", "PROXY URL", false, false, URL_LENGTH),
                Column.integer("port_url", "PROXY PORT", "PROXY PORT", false, 1, 65_535),
                Column.text("fqdn", "Confirmation URL", "作業確認URL", false, false, URL_LENGTH),
                Column.dateTime("suppress_start", "Suppress Start", "抑止開始日時", false),
                Column.dateTime("suppress_end", "Suppress End", "抑止終了日時", false)),
                List.of(), true));
    }

    @Override
    public String menu() {
        return MENU;
    }

    @Override
    public Map<String, String> reasons(String organizationId, String workspaceId, Map<String, Object> values) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String column : List.of("notice_url", "proxy_url", "fqdn")) {
            Object url = values.get(column);
            if (url != null && !isUrl((String) url)) {
                reasons.put(column, "an http:// or https:// URL with a host");
            }
        }
        if ((values.get("proxy_url") == null) != (values.get("port_url") == null)) {
            reasons.put(values.get("proxy_url") == null ? "proxy_url" : "port_url",
                    "proxy_url and port_url go together: give both to use a proxy, or neither");
        }
        String headerReason = headerReason((String) values.get("header"));
        if (headerReason != null) {
            reasons.put("header", headerReason);
        }
        Object fields = values.get("fields");
        if (fields != null && !isJson((String) fields)) {
            reasons.put("fields", "must be JSON (the body sent, its __VARIABLES__ inside strings)");
        }
        return reasons;
    }

    /** The workspace's active definitions by name. */
    Map<String, Definition> active(String organizationId, String workspaceId) {
        Map<String, Definition> byName = new LinkedHashMap<>();
        for (MenuService.Record record : menus.getObject().records(organizationId, workspaceId, MENU, false)) {
            if (record.discarded()) {
                continue;
            }
            Map<String, Object> p = record.parameter();
            Object port = p.get("port_url");
            byName.put((String) p.get("notice_name"), new Definition((String) p.get("notice_name"),
                    (String) p.get("notice_url"), (String) p.get("header"), (String) p.get("fields"),
                    (String) p.get("proxy_url"), port == null ? null : Integer.valueOf(port.toString()),
                    (String) p.get("fqdn"), time(p.get("suppress_start")), time(p.get("suppress_end"))));
        }
        return byName;
    }

    private static Instant time(Object value) {
        return value == null ? null : LocalDateTime.parse((String) value, DATETIME).toInstant(ZoneOffset.UTC);
    }

    static boolean isUrl(String text) {
        if (!URL.matcher(text).matches()) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean isJson(String text) {
        try {
            json.readTree(text);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    /** Why a header text is not a JSON object of header names and texts; null when it is. */
    private String headerReason(String text) {
        if (text == null) {
            return null;
        }
        JsonNode header;
        try {
            header = json.readTree(text);
        } catch (JacksonException e) {
            return "must be a JSON object of header names and values, e.g. {\"Content-Type\": \"application/json\"}";
        }
        if (header == null || !header.isObject()) {
            return "must be a JSON object of header names and values, e.g. {\"Content-Type\": \"application/json\"}";
        }
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            String name = field.getKey();
            if (!HEADER_NAME.matcher(name).matches()) {
                return "\"" + name + "\" is not a header name";
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                return "\"" + name + "\" is set by jita's HTTP client and cannot be given";
            }
            if (!field.getValue().isString() || field.getValue().stringValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
                return "the value of \"" + name + "\" must be a text on one line";
            }
        }
        return null;
    }
}
