package dev.jita.notification;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.security.CurrentUser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/platform/maintenance-notifications} {"webhooks": [{"url": "...", "secret": "..."}]} replaces the
 * webhooks that hear of maintenance events (a webhook given without a secret keeps the one stored for its URL);
 * {@code GET} shows them, with what is under way or failed for each, never their secrets. Open in load mode too:
 * it is the operators' own tooling, like the modes.
 */
@RestController
@RequestMapping({"/api/platform/maintenance-notifications", "/api/platform/maintenance-notifications/"})
class NotificationController {

    static final int MAX_WEBHOOKS = 20;
    static final int MAX_URL = 2000;
    static final int MAX_SECRET = 256;

    private final Webhooks webhooks;
    private final NotificationOutbox outbox;
    private final JsonBody json;

    NotificationController(Webhooks webhooks, NotificationOutbox outbox, JsonBody json) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.json = json;
    }

    @GetMapping
    ApiResponse get() {
        return ApiResponse.ok(view());
    }

    @PutMapping
    ApiResponse put(@RequestBody(required = false) String raw) {
        JsonNode body = json.object(raw);
        for (String key : body.propertyNames()) {
            if (!key.equals("webhooks")) {
                throw ApiException.badRequest("notifications.unknown_key", key);
            }
        }
        JsonNode list = body.get("webhooks");
        if (list == null || !list.isArray()) {
            throw ApiException.badRequest("notifications.webhooks_required");
        }
        if (list.size() > MAX_WEBHOOKS) {
            throw ApiException.badRequest("notifications.too_many", MAX_WEBHOOKS);
        }
        List<Webhooks.Wanted> wanted = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (JsonNode entry : list.values()) {
            if (!entry.isObject()) {
                throw ApiException.badRequest("notifications.entry_not_object");
            }
            for (String key : entry.propertyNames()) {
                if (!key.equals("url") && !key.equals("secret")) {
                    throw ApiException.badRequest("notifications.unknown_key", key);
                }
            }
            String url = JsonBody.requiredString(entry, "url", MAX_URL).trim();
            checkUrl(url);
            if (!urls.add(url)) {
                throw ApiException.badRequest("notifications.duplicate_url");
            }
            String secret = JsonBody.optionalString(entry, "secret", MAX_SECRET);
            if (secret != null && secret.isEmpty()) {
                throw ApiException.badRequest("notifications.secret_missing", host(url));
            }
            wanted.add(new Webhooks.Wanted(url, secret));
        }
        List<String> withoutSecret = webhooks.withoutSecret(wanted);
        if (!withoutSecret.isEmpty()) {
            throw ApiException.badRequest("notifications.secret_missing", host(withoutSecret.get(0)));
        }
        webhooks.replace(wanted, CurrentUser.name());
        return ApiResponse.ok(view());
    }

    /** http or https with a host, nothing else: no file:, no credentials in the URL (they would be shown). */
    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("notifications.bad_url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ApiException.badRequest("notifications.bad_url");
        }
    }

    private static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "?" : host;
        } catch (URISyntaxException e) {
            return "?";
        }
    }

    private Map<String, Object> view() {
        Map<String, NotificationOutbox.Status> statuses = outbox.statuses();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Webhooks.Webhook webhook : webhooks.list()) {
            NotificationOutbox.Status status = statuses.getOrDefault(webhook.id(),
                    new NotificationOutbox.Status(0, 0, null, null));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("url", webhook.url());
            view.put("updated_by", webhook.updatedBy());
            view.put("updated_at", Times.micros(webhook.updatedAt()));
            view.put("pending", status.pending());
            view.put("failed", status.failed());
            view.put("last_sent_at", Times.micros(status.lastSentAt()));
            view.put("last_error", status.lastError());
            list.add(view);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhooks", list);
        return data;
    }
}
