package dev.jita.maintenance;

import dev.jita.core.ApiException;
import dev.jita.core.Dialect;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.core.UntrustedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Maintenance windows: the modes turned ON at a planned start and OFF at the end. Administrators schedule,
 * change and cancel them before they start; the nodes that run backyards each look for due steps (see
 * {@link WindowScheduler}) and the database lets exactly one of them take each: the step's transaction
 * takes the window's row (skipping it when another node holds it) and moves its state on only if it is
 * still the one it read, and it changes the modes in that same transaction. A step that runs more than
 * {@code jita.maintenance.window-late-after} after its time (every node was down) says so in both audits.
 */
@Service
@EnableConfigurationProperties(WindowProperties.class)
public class MaintenanceWindows {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceWindows.class);

    public enum State { SCHEDULED, STARTED, ENDED, CANCELLED, SKIPPED }

    /** Where a window stands for its readers. */
    public enum Status { UPCOMING, RUNNING, PAST }

    /**
     * One window. {@code modesOn}: the modes it turned ON itself (only these go OFF at its end); {@code note}:
     * how its drain ended (drained, timed_out, cancelled), or null; {@code drainState}: its drain's state now.
     */
    public record Window(String id, Instant start, Instant end, Set<MaintenanceMode> modes, String reason,
                         Duration drainTimeout, State state, String drainId, String drainState,
                         Set<MaintenanceMode> modesOn, Instant startedAt, boolean startedLate, Instant endedAt,
                         boolean endedLate, String note, String createdBy, Instant createdAt,
                         String lastUpdateUser, Instant lastUpdateTimestamp) {

        /**
         * The state as the API shows it: scheduled, draining (its drain still waits for jobs), started,
         * drain_timed_out (jobs kept running: Stop server side jobs stays ON, load mode was not turned ON),
         * ended, cancelled or skipped.
         */
        public String shownState() {
            if (state == State.STARTED && "DRAINING".equals(drainState)) {
                return "draining";
            }
            if (state == State.STARTED && "timed_out".equals(note)) {
                return "drain_timed_out";
            }
            return state.name().toLowerCase(Locale.ROOT);
        }

        public Status status() {
            return switch (state) {
                case SCHEDULED -> Status.UPCOMING;
                case STARTED -> Status.RUNNING;
                default -> Status.PAST;
            };
        }

        public boolean both() {
            return modes.size() == MaintenanceMode.values().length;
        }
    }

    public record AuditEntry(long id, String windowId, String action, String detail, boolean late, String changedBy,
                             Instant changedAt) {
    }

    public record Listing(List<Window> upcoming, List<Window> running, List<Window> past) {
    }

    static final int MAX_REASON_LENGTH = 1000;
    static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofHours(1);
    static final Duration MAX_DRAIN_TIMEOUT = Duration.ofDays(7);
    private static final Set<String> FIELDS = Set.of("start", "end", "modes", "reason", "drain_timeout");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ISO_INSTANT;
    private static final String COLUMNS = "w.window_id, w.start_at, w.end_at, w.modes, w.reason, "
            + "w.drain_timeout_seconds, w.state, w.drain_id, d.state, w.modes_on, w.started_at, w.started_late, "
            + "w.ended_at, w.ended_late, w.note, w.created_by, w.created_at, w.last_update_user, w.last_update_timestamp";
    private static final String FROM = " FROM maintenance_window w LEFT JOIN maintenance_drain d ON d.drain_id = w.drain_id";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final MaintenanceSettingService settings;
    private final MaintenanceGate gate;
    private final Drains drains;
    private final ApplicationEventPublisher events;
    private final WindowProperties properties;

    MaintenanceWindows(JdbcClient jdbc, Dialect dialect, TransactionTemplate transactions,
                       MaintenanceSettingService settings, MaintenanceGate gate, Drains drains,
                       ApplicationEventPublisher events, WindowProperties properties) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
        this.settings = settings;
        this.gate = gate;
        this.drains = drains;
        this.events = events;
        this.properties = properties;
    }

    // ---- what administrators do ----

    /** Schedules a window from a request body (see {@link #validate}); publishes window_scheduled. */
    public Window schedule(JsonNode body, String user) {
        Draft draft = validate(body, null);
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            LocalDateTime now = Times.toDb(Times.now());
            jdbc.sql("INSERT INTO maintenance_window (window_id, start_at, end_at, modes, reason, drain_timeout_seconds, "
                            + "state, started_late, ended_late, created_by, created_at, last_update_user, "
                            + "last_update_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, Times.toDb(draft.start()), Times.toDb(draft.end()), names(draft.modes()), draft.reason(),
                            draft.drainTimeout().toSeconds(), State.SCHEDULED.name(), false, false, user, now, user, now)
                    .update();
            audit(id, "scheduled", describe(draft), false, user);
        });
        Window window = find(id).orElseThrow();
        publish("window_scheduled", window, null);
        log.info("Maintenance window {} scheduled by {}: {}", id, UntrustedText.forLog(user), describe(draft));
        return window;
    }

    /** Changes the given fields of a window that has not started; 409-34001 once it has (or is due). */
    public Window change(String id, JsonNode body, String user) {
        Window current = find(id).orElseThrow(() -> ApiException.notFound("window.not_found", id));
        if (current.state() != State.SCHEDULED || !current.start().isAfter(Times.now())) {
            throw notChangeable(id);
        }
        Draft draft = validate(body, current);
        transactions.executeWithoutResult(status -> {
            Instant now = Times.now();
            int changed = jdbc.sql("UPDATE maintenance_window SET start_at = ?, end_at = ?, modes = ?, reason = ?, "
                            + "drain_timeout_seconds = ?, last_update_user = ?, last_update_timestamp = ? "
                            + "WHERE window_id = ? AND state = ? AND start_at > ?")
                    .params(Times.toDb(draft.start()), Times.toDb(draft.end()), names(draft.modes()), draft.reason(),
                            draft.drainTimeout().toSeconds(), user, Times.toDb(now), id, State.SCHEDULED.name(),
                            Times.toDb(now))
                    .update();
            if (changed != 1) {
                throw notChangeable(id);
            }
            audit(id, "changed", describe(draft), false, user);
        });
        return find(id).orElseThrow();
    }

    /** Cancels a window that has not started; it stays listed (past, cancelled). */
    public Window cancel(String id, String user) {
        find(id).orElseThrow(() -> ApiException.notFound("window.not_found", id));
        transactions.executeWithoutResult(status -> {
            Instant now = Times.now();
            int changed = jdbc.sql("UPDATE maintenance_window SET state = ?, last_update_user = ?, last_update_timestamp = ? "
                            + "WHERE window_id = ? AND state = ? AND start_at > ?")
                    .params(State.CANCELLED.name(), user, Times.toDb(now), id, State.SCHEDULED.name(), Times.toDb(now))
                    .update();
            if (changed != 1) {
                throw notChangeable(id);
            }
            audit(id, "cancelled", null, false, user);
        });
        return find(id).orElseThrow();
    }

    private static ApiException notChangeable(String id) {
        return new ApiException("409-34001", "window.not_changeable", id);
    }

    public Optional<Window> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE w.window_id = ?").param(id)
                .query(MaintenanceWindows::map).optional();
    }

    /** Upcoming (soonest first), running, and the latest {@code pastLimit} past ones (newest first). */
    public Listing list(int pastLimit) {
        List<Window> upcoming = new ArrayList<>();
        List<Window> running = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE w.state IN (?, ?) ORDER BY w.start_at, w.window_id")
                .params(State.SCHEDULED.name(), State.STARTED.name())
                .query(MaintenanceWindows::map).list()
                .forEach(w -> (w.status() == Status.UPCOMING ? upcoming : running).add(w));
        List<Window> past = jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE w.state NOT IN (?, ?) "
                        + "ORDER BY w.start_at DESC, w.window_id")
                .params(State.SCHEDULED.name(), State.STARTED.name())
                .withMaxRows(pastLimit).query(MaintenanceWindows::map).list();
        return new Listing(upcoming, running, past);
    }

    /** The next window to start, if any. */
    public Optional<Instant> nextStart() {
        return jdbc.sql("SELECT MIN(start_at) FROM maintenance_window WHERE state = ?").param(State.SCHEDULED.name())
                .query((rs, n) -> Optional.ofNullable(Times.fromDb(rs.getObject(1, LocalDateTime.class))))
                .single();
    }

    /**
     * The window users are told of now: the soonest one starting within {@code jita.maintenance.notice-lead},
     * else a started one whose end is still ahead.
     */
    public Optional<Window> notice() {
        Instant now = Times.now();
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE (w.state = ? AND w.start_at <= ?) "
                        + "OR (w.state = ? AND w.end_at > ?) ORDER BY w.start_at, w.window_id")
                .params(State.SCHEDULED.name(), Times.toDb(now.plus(properties.noticeLead())), State.STARTED.name(),
                        Times.toDb(now))
                .withMaxRows(1).query(MaintenanceWindows::map).optional();
    }

    public List<AuditEntry> audit(String windowId, int limit) {
        return jdbc.sql("SELECT audit_id, window_id, action, detail, late, changed_by, changed_at "
                        + "FROM maintenance_window_audit " + (windowId == null ? "WHERE 1 = 1 " : "WHERE window_id = ? ")
                        + "ORDER BY audit_id DESC")
                .params(windowId == null ? List.of() : List.of(windowId))
                .withMaxRows(limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), Times.fromDb(rs.getObject(7, LocalDateTime.class))))
                .list();
    }

    /** Times of windows as the API and pages show them: UTC, to the second, with Z. */
    public static String shown(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }

    // ---- validation ----

    private record Draft(Instant start, Instant end, Set<MaintenanceMode> modes, String reason, Duration drainTimeout) {
    }

    /**
     * The body's fields over {@code current} (null for a new window): start (required, ISO-8601, in the
     * future), end (ISO-8601 after start, or null), modes (required, a non-empty list of distinct known
     * modes), reason (at most 1000 characters), drain_timeout (an ISO-8601 duration, 1 s to 7 days).
     */
    private Draft validate(JsonNode body, Window current) {
        for (String key : body.propertyNames()) {
            if (!FIELDS.contains(key)) {
                throw ApiException.badRequest("window.unknown_key", UntrustedText.forLog(key));
            }
        }
        if (current != null && body.isEmpty()) {
            throw ApiException.badBody("window.nothing_to_change");
        }
        Instant start = body.has("start") || current == null ? time(body, "start", true) : current.start();
        Instant end = body.has("end") ? time(body, "end", false) : current == null ? null : current.end();
        Set<MaintenanceMode> modes = body.has("modes") || current == null ? modes(body) : current.modes();
        String reason = body.has("reason") ? reason(body) : current == null ? null : current.reason();
        Duration drainTimeout = body.has("drain_timeout") ? drainTimeout(body)
                : current == null ? DEFAULT_DRAIN_TIMEOUT : current.drainTimeout();
        if (!start.isAfter(Times.now())) {
            throw new ApiException("400-34001", "window.start_not_future", shown(start));
        }
        if (end != null && !end.isAfter(start)) {
            throw new ApiException("400-34002", "window.end_not_after_start", shown(end), shown(start));
        }
        return new Draft(start, end, modes, reason, drainTimeout);
    }

    private static Instant time(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new ApiException("400-00011", "error.field_required", field);
            }
            return null;
        }
        if (!node.isString()) {
            throw new ApiException("400-00020", "window.not_datetime", field);
        }
        return parseTime(node.stringValue()).orElseThrow(() -> new ApiException("400-00020", "window.not_datetime", field));
    }

    /** ISO-8601 with Z or an offset, kept in UTC to the second. */
    public static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Set<MaintenanceMode> modes(JsonNode body) {
        JsonNode node = body.get("modes");
        if (node == null || node.isNull()) {
            throw new ApiException("400-00011", "error.field_required", "modes");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ApiException("400-34004", "window.bad_modes");
        }
        Set<MaintenanceMode> modes = EnumSet.noneOf(MaintenanceMode.class);
        for (JsonNode item : node.values()) {
            if (!item.isString()) {
                throw new ApiException("400-34004", "window.bad_modes");
            }
            MaintenanceMode mode = MaintenanceMode.ofKey(item.stringValue()).orElseThrow(() ->
                    new ApiException("400-00026", "window.unknown_mode", UntrustedText.forLog(item.stringValue())));
            if (!modes.add(mode)) {
                throw new ApiException("400-34004", "window.bad_modes");
            }
        }
        return modes;
    }

    private static String reason(JsonNode body) {
        JsonNode node = body.get("reason");
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.badRequest("error.field_not_string", "reason");
        }
        if (node.stringValue().length() > MAX_REASON_LENGTH) {
            throw new ApiException("400-00012", "error.field_too_long", "reason", MAX_REASON_LENGTH);
        }
        return node.stringValue().isBlank() ? null : node.stringValue().trim();
    }

    private static Duration drainTimeout(JsonNode body) {
        JsonNode node = body.get("drain_timeout");
        if (node.isNull()) {
            return DEFAULT_DRAIN_TIMEOUT;
        }
        Duration timeout = null;
        if (node.isString()) {
            try {
                timeout = Duration.parse(node.stringValue());
            } catch (DateTimeException e) {
                timeout = null;
            }
        }
        if (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_DRAIN_TIMEOUT) > 0) {
            throw new ApiException("400-34003", "window.bad_drain_timeout");
        }
        return timeout.truncatedTo(ChronoUnit.SECONDS);
    }

    // ---- the steps, taken by the scheduler of every node that runs backyards ----

    /** Takes every due step no other node has taken: starts, ends, and the end of a window's drain. */
    void runDue() {
        Instant now = Times.now();
        for (String id : jdbc.sql("SELECT window_id FROM maintenance_window WHERE state = ? AND start_at <= ? "
                        + "ORDER BY start_at").params(State.SCHEDULED.name(), Times.toDb(now))
                .query(String.class).list()) {
            step(id, State.SCHEDULED, this::start);
        }
        for (String id : jdbc.sql("SELECT window_id FROM maintenance_window WHERE state = ? AND end_at <= ? "
                        + "ORDER BY end_at").params(State.STARTED.name(), Times.toDb(now))
                .query(String.class).list()) {
            step(id, State.STARTED, this::end);
        }
        followDrains();
    }

    /** One step in one transaction on the window's row, taken only if no other node holds or has moved it. */
    private void step(String id, State from, Predicate<Window> work) {
        Window[] taken = new Window[1];
        transactions.executeWithoutResult(status -> {
            Optional<Window> window = jdbc.sql("SELECT window_id FROM maintenance_window WHERE window_id = ? AND state = ? "
                            + dialect.claimLock())
                    .params(id, from.name()).query(String.class).optional()
                    .flatMap(this::find).filter(w -> w.state() == from);
            if (window.isEmpty()) {
                return;
            }
            if (work.test(window.get())) {
                taken[0] = window.get();
            }
        });
        if (taken[0] != null) {
            Window after = find(id).orElseThrow();
            if (after.state() == State.STARTED) {
                publish("window_started", after, after.startedLate());
            } else if (after.state() == State.ENDED) {
                publish("window_ended", after, after.endedLate());
            }
        }
    }

    private boolean start(Window window) {
        Instant now = Times.now();
        boolean late = Duration.between(window.start(), now).compareTo(properties.windowLateAfter()) > 0;
        if (window.end() != null && !window.end().isAfter(now)) {
            // Both times passed while no node ran: maintenance that is already over is not begun.
            if (!claim(window, State.SKIPPED, "started_at = ?, started_late = ?", Times.toDb(now), true)) {
                return false;
            }
            audit(window.id(), "skipped", "start " + shown(window.start()) + " and end " + shown(window.end())
                    + " passed while no node ran", true, window.createdBy());
            log.warn("Maintenance window {} skipped: its start and end passed while no node ran", window.id());
            return true;
        }
        if (!claim(window, State.STARTED, "started_at = ?, started_late = ?", Times.toDb(now), late)) {
            return false;
        }
        MaintenanceModes before = gate.current();
        Set<MaintenanceMode> turnedOn = EnumSet.noneOf(MaintenanceMode.class);
        window.modes().stream().filter(mode -> !before.isOn(mode)).forEach(turnedOn::add);
        String reason = modeReason(window, "started", late, window.start());
        String drainId = null;
        if (window.both()) {
            drainId = runningDrain().orElse(null);
            if (drainId == null) {
                drainId = drains.start(window.drainTimeout(), true, window.createdBy(), reason).id();
            }
        } else if (!turnedOn.isEmpty()) {
            Map<MaintenanceMode, String> values = new EnumMap<>(MaintenanceMode.class);
            turnedOn.forEach(mode -> values.put(mode, "1"));
            settings.update(values, reason, window.createdBy());
        }
        jdbc.sql("UPDATE maintenance_window SET modes_on = ?, drain_id = ? WHERE window_id = ?")
                .params(names(turnedOn), drainId, window.id()).update();
        audit(window.id(), "started", (late ? "late: due " + shown(window.start()) + "; " : "") + "modes turned ON: "
                + (turnedOn.isEmpty() ? "none (already ON)" : keys(turnedOn))
                + (drainId == null ? "" : "; drain " + drainId), late, window.createdBy());
        log.info("Maintenance window {} started{}", window.id(), late ? " late" : "");
        return true;
    }

    private boolean end(Window window) {
        Instant now = Times.now();
        boolean late = Duration.between(window.end(), now).compareTo(properties.windowLateAfter()) > 0;
        if (!claim(window, State.ENDED, "ended_at = ?, ended_late = ?", Times.toDb(now), late)) {
            return false;
        }
        if (window.drainId() != null && "DRAINING".equals(window.drainState())) {
            drains.cancel(window.createdBy());
        }
        MaintenanceModes current = gate.current();
        Map<MaintenanceMode, String> values = new EnumMap<>(MaintenanceMode.class);
        window.modesOn().stream().filter(current::isOn).forEach(mode -> values.put(mode, "0"));
        if (!values.isEmpty()) {
            settings.update(values, modeReason(window, "ended", late, window.end()), window.createdBy());
        }
        audit(window.id(), "ended", (late ? "late: due " + shown(window.end()) + "; " : "") + "modes turned OFF: "
                + (values.isEmpty() ? "none" : keys(values.keySet())), late, window.createdBy());
        log.info("Maintenance window {} ended{}", window.id(), late ? " late" : "");
        return true;
    }

    /** Moves the window's state on; the condition on its state makes a second taker change nothing. */
    private boolean claim(Window window, State to, String set, Object at, boolean late) {
        return jdbc.sql("UPDATE maintenance_window SET state = ?, " + set + " WHERE window_id = ? AND state = ?")
                .params(to.name(), at, late, window.id(), window.state().name()).update() == 1;
    }

    /** Records once how the drain of each started window ended: a timed-out drain leaves load mode OFF. */
    private void followDrains() {
        jdbc.sql("SELECT w.window_id, d.state, w.created_by" + FROM + " WHERE w.state = ? AND w.note IS NULL "
                        + "AND d.state IS NOT NULL AND d.state <> 'DRAINING'")
                .param(State.STARTED.name())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(row -> transactions.executeWithoutResult(status -> {
                    String note = row[1].toLowerCase(Locale.ROOT);
                    int noted = jdbc.sql("UPDATE maintenance_window SET note = ? WHERE window_id = ? AND note IS NULL")
                            .params(note, row[0]).update();
                    if (noted == 1) {
                        audit(row[0], "drain_" + note, "timed_out".equals(note)
                                ? "jobs still ran at the drain timeout: Stop server side jobs stays ON, load mode was not turned ON"
                                : null, false, row[2]);
                        if ("timed_out".equals(note)) {
                            log.warn("Maintenance window {}: the drain timed out; load mode was not turned ON", row[0]);
                        }
                    }
                }));
    }

    private Optional<String> runningDrain() {
        return jdbc.sql("SELECT drain_id FROM maintenance_drain WHERE state = 'DRAINING'").query(String.class).list()
                .stream().findFirst();
    }

    private static String modeReason(Window window, String step, boolean late, Instant due) {
        String text = "Maintenance window " + window.id() + " " + step + (late ? " late (due " + shown(due) + ")" : "")
                + (window.reason() == null ? "" : ": " + window.reason());
        // Room left for what a drain adds to it, within the audit's 1000 characters.
        return text.length() > 900 ? text.substring(0, 900) : text;
    }

    private void publish(String type, Window window, Boolean late) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", window.id());
        data.put("start", shown(window.start()));
        data.put("end", shown(window.end()));
        data.put("modes", window.modes().stream().map(MaintenanceMode::key).toList());
        data.put("reason", window.reason());
        if (late != null) {
            data.put("late", late);
        }
        try {
            events.publishEvent(new MaintenanceEvent(type, data));
        } catch (RuntimeException e) {
            // The step has committed; a listener's failure must not make it look undone.
            log.warn("A listener of {} failed for window {}: {}", type, window.id(), e.toString());
        }
    }

    private void audit(String windowId, String action, String detail, boolean late, String user) {
        String shortened = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        jdbc.sql("INSERT INTO maintenance_window_audit (window_id, action, detail, late, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(windowId, action, shortened, late, user, Times.toDb(Times.now())).update();
    }

    private static String describe(Draft draft) {
        return "start " + shown(draft.start()) + ", end " + (draft.end() == null ? "none" : shown(draft.end()))
                + ", modes " + keys(draft.modes()) + ", drain_timeout " + draft.drainTimeout()
                + (draft.reason() == null ? "" : ", reason: " + draft.reason());
    }

    private static String keys(Set<MaintenanceMode> modes) {
        return String.join(", ", modes.stream().map(MaintenanceMode::key).toList());
    }

    private static String names(Set<MaintenanceMode> modes) {
        return String.join(",", modes.stream().map(Enum::name).toList());
    }

    private static Set<MaintenanceMode> modesOf(String names) {
        Set<MaintenanceMode> modes = EnumSet.noneOf(MaintenanceMode.class);
        if (names != null && !names.isBlank()) {
            Arrays.stream(names.split(",")).map(MaintenanceMode::valueOf).forEach(modes::add);
        }
        return modes;
    }

    private static Window map(ResultSet rs, int row) throws SQLException {
        return new Window(rs.getString(1), Times.fromDb(rs.getObject(2, LocalDateTime.class)),
                Times.fromDb(rs.getObject(3, LocalDateTime.class)), modesOf(rs.getString(4)), rs.getString(5),
                Duration.ofSeconds(rs.getLong(6)), State.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                modesOf(rs.getString(10)), Times.fromDb(rs.getObject(11, LocalDateTime.class)), rs.getBoolean(12),
                Times.fromDb(rs.getObject(13, LocalDateTime.class)), rs.getBoolean(14), rs.getString(15),
                rs.getString(16), Times.fromDb(rs.getObject(17, LocalDateTime.class)), rs.getString(18),
                Times.fromDb(rs.getObject(19, LocalDateTime.class)));
    }
}
