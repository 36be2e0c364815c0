package dev.jita.backyard;

import dev.jita.core.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How long a drain will take: for every running item, the median duration of the last runs of the same thing
 * (its history key: the movement and run mode, the conductor class, the export or import job), or else of its
 * backyard; the item should end that long after it started. execute_count should reach 0 when the last counted
 * item ends; unknown while any counted item has no history at all.
 */
@Service
public class DrainForecast {

    /** How many earlier runs an estimate is the median of, unless asked otherwise. */
    public static final int DEFAULT_HISTORY = 10;
    public static final int MAX_HISTORY = 100;

    /** One running item and its estimate; the estimate's fields are null when nothing like it ever ended. */
    public record ItemForecast(String organizationId, String workspaceId, Backyard backyard, String id, int statusId,
                               String historyKey, Instant startedAt, Duration elapsed, String basis, int samples,
                               Duration estimatedDuration, Duration remaining, Instant estimatedEnd) {

        public boolean known() {
            return estimatedDuration != null;
        }
    }

    /** The forecast at {@code at}; {@code zeroAt} is null while unknown. */
    public record Forecast(Instant at, int executeCount, int unknownCount, Instant zeroAt, List<ItemForecast> items) {

        /** Seconds from {@code at} until execute_count should be 0; empty while unknown. */
        public Optional<Duration> untilZero() {
            return zeroAt == null ? Optional.empty() : Optional.of(Duration.between(at, zeroAt));
        }
    }

    private record Running(String id, Backyard backyard, String organizationId, String workspaceId, int statusId,
                           Instant startedAt, String historyKey) {
    }

    private record Estimate(String basis, int samples, Duration median) {
    }

    private final JdbcClient jdbc;

    DrainForecast(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Forecast forecast() {
        return forecast(DEFAULT_HISTORY);
    }

    /** The forecast with estimates from the last {@code history} runs (1 to {@link #MAX_HISTORY}). */
    public Forecast forecast(int history) {
        Instant now = Times.now();
        List<Running> running = jdbc.sql("SELECT item_id, backyard, organization_id, workspace_id, status_id, "
                        + "started_at, registered_at, history_key FROM backyard_item WHERE phase = 'R' "
                        + "ORDER BY started_at, item_id")
                .query((rs, n) -> {
                    Optional<Backyard> backyard = Backyard.of(rs.getString(2));
                    if (backyard.isEmpty()) {
                        return null;
                    }
                    LocalDateTime started = rs.getObject(6, LocalDateTime.class);
                    return new Running(rs.getString(1), backyard.get(), rs.getString(3), rs.getString(4), rs.getInt(5),
                            Times.fromDb(started != null ? started : rs.getObject(7, LocalDateTime.class)),
                            rs.getString(8));
                })
                .list();
        Map<String, Estimate> estimates = new HashMap<>();
        List<ItemForecast> items = new ArrayList<>();
        int executeCount = 0;
        int unknown = 0;
        Instant zeroAt = now;
        for (Running item : running) {
            if (item == null) {
                continue;
            }
            Estimate estimate = estimates.computeIfAbsent(item.backyard().serviceName() + "\n" + item.historyKey(),
                    k -> estimate(item.backyard(), item.historyKey(), history));
            Duration elapsed = Duration.between(item.startedAt(), now);
            Duration remaining = null;
            Instant end = null;
            if (estimate.median() != null) {
                end = item.startedAt().plus(estimate.median());
                // Past its estimate: it may end any moment; nothing says how much longer.
                if (end.isBefore(now)) {
                    end = now;
                }
                remaining = Duration.between(now, end);
            }
            items.add(new ItemForecast(item.organizationId(), item.workspaceId(), item.backyard(), item.id(),
                    item.statusId(), item.historyKey(), item.startedAt(), elapsed, estimate.basis(), estimate.samples(),
                    estimate.median(), remaining, end));
            if (item.backyard().counted()) {
                executeCount++;
                if (end == null) {
                    unknown++;
                } else if (end.isAfter(zeroAt)) {
                    zeroAt = end;
                }
            }
        }
        return new Forecast(now, executeCount, unknown, unknown > 0 ? null : zeroAt, items);
    }

    /** From the runs with the same key, or else from any run of the backyard. */
    private Estimate estimate(Backyard backyard, String historyKey, int history) {
        if (historyKey != null) {
            List<Duration> same = durations(backyard, historyKey, history);
            if (!same.isEmpty()) {
                return new Estimate("history_key", same.size(), median(same));
            }
        }
        List<Duration> any = durations(backyard, null, history);
        return any.isEmpty() ? new Estimate(null, 0, null) : new Estimate("backyard", any.size(), median(any));
    }

    private List<Duration> durations(Backyard backyard, String historyKey, int history) {
        List<Integer> completed = backyard.statusTable().completed();
        List<Object> params = new ArrayList<>();
        params.add(backyard.serviceName());
        if (historyKey != null) {
            params.add(historyKey);
        }
        params.addAll(completed);
        return jdbc.sql("SELECT started_at, ended_at FROM backyard_item WHERE backyard = ? "
                        + (historyKey != null ? "AND history_key = ? " : "")
                        + "AND phase = 'E' AND status_id IN (" + String.join(", ", Collections.nCopies(completed.size(), "?"))
                        + ") AND started_at IS NOT NULL ORDER BY ended_at DESC")
                .params(params)
                .withMaxRows(history)
                .query((rs, n) -> Duration.between(Times.fromDb(rs.getObject(1, LocalDateTime.class)),
                        Times.fromDb(rs.getObject(2, LocalDateTime.class))))
                .list();
    }

    /** The middle duration; of an even number, the mean of the two middle ones. */
    static Duration median(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** The answer's data: also what the maintenance console shows during a drain. */
    public static Map<String, Object> view(Forecast forecast) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("generated_at", Times.micros(forecast.at()));
        data.put("execute_count", forecast.executeCount());
        data.put("unknown_count", forecast.unknownCount());
        data.put("estimated_zero_at", Times.micros(forecast.zeroAt()));
        data.put("estimated_seconds_left", forecast.untilZero().map(DrainForecast::seconds).orElse(null));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ItemForecast item : forecast.items()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("organization_id", item.organizationId());
            view.put("workspace_id", item.workspaceId());
            view.put("backyard", item.backyard().serviceName());
            view.put("id", item.id());
            view.put("status_id", String.valueOf(item.statusId()));
            view.put("counted", item.backyard().counted());
            view.put("history_key", item.historyKey());
            view.put("started_at", Times.micros(item.startedAt()));
            view.put("elapsed_seconds", seconds(item.elapsed()));
            view.put("basis", item.basis());
            view.put("samples", item.samples());
            view.put("estimated_duration_seconds", item.known() ? seconds(item.estimatedDuration()) : null);
            view.put("remaining_seconds", item.known() ? seconds(item.remaining()) : null);
            view.put("estimated_end_at", Times.micros(item.estimatedEnd()));
            items.add(view);
        }
        data.put("items", items);
        return data;
    }

    /** Seconds with microseconds, as the timestamps keep them. */
    private static double seconds(Duration duration) {
        return duration.toNanos() / 1000 / 1_000_000.0;
    }
}
