package dev.jita.backyard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four status tables of backyards.md. Each says which status an item waits in, which one it is taken
 * into, which ones count as running, and which one a dead worker's item ends in.
 */
public enum StatusTable {
    EXECUTION("execution", 1, 9, 2, Set.of(2, 3, 4), 7, 10, names(
            1, "Unexecuted", "未実行", 2, "Preparing", "準備中", 3, "Executing", "実行中",
            4, "Executing (delay)", "実行中(遅延)", 5, "Completed", "完了", 6, "Completed (error)", "完了(異常)",
            7, "Unexpected error", "想定外エラー", 8, "Emergency stop", "緊急停止",
            9, "Unexecuted (schedule)", "未実行(予約)", 10, "Schedule cancellation", "予約取消")),
    CONDUCTOR("conductor", 1, 2, 3, Set.of(3, 4, 5), 11, 10, names(
            1, "Unexecuted", "未実行", 2, "Unexecuted (schedule)", "未実行(予約)", 3, "Executing", "実行中",
            4, "Executing (delay)", "実行中(遅延)", 5, "Pause", "一時停止", 6, "Normal end", "正常終了",
            7, "Abend", "異常終了", 8, "Warning end", "警告終了", 9, "Emergency stop", "緊急停止",
            10, "Schedule cancellation", "予約取消", 11, "Unexpected error", "想定外エラー")),
    MENU_CREATE("menu_create", 1, 0, 2, Set.of(2), 4, 0, names(
            1, "Unexecuted", "未実行", 2, "Executing", "実行中", 3, "Completed", "完了",
            4, "Completed(error)", "完了(異常)")),
    EXPORT_IMPORT("export_import", 1, 0, 2, Set.of(2), 4, 0, names(
            1, "Unexecuted", "未実行", 2, "Executing", "実行中", 3, "Completed", "完了",
            4, "Completed (error)", "完了(異常)"));

    record Name(String english, String japanese) {
    }

    private final String tableName;
    private final int waiting;
    private final int scheduled;
    private final int taken;
    private final Set<Integer> running;
    private final int unexpectedError;
    private final int scheduleCancelled;
    private final Map<Integer, Name> names;

    StatusTable(String tableName, int waiting, int scheduled, int taken, Set<Integer> running, int unexpectedError,
                int scheduleCancelled, Map<Integer, Name> names) {
        this.tableName = tableName;
        this.waiting = waiting;
        this.scheduled = scheduled;
        this.taken = taken;
        this.running = running;
        this.unexpectedError = unexpectedError;
        this.scheduleCancelled = scheduleCancelled;
        this.names = names;
    }

    /** The table's name in backyard_status. */
    public String tableName() {
        return tableName;
    }

    /** Unexecuted: waits to be taken. */
    public int waiting() {
        return waiting;
    }

    /** Unexecuted (schedule): waits for its time, then to be taken; 0 where the table has none. */
    public int scheduled() {
        return scheduled;
    }

    /** The status an item is taken into. */
    public int taken() {
        return taken;
    }

    public boolean isRunning(int statusId) {
        return running.contains(statusId);
    }

    public int unexpectedError() {
        return unexpectedError;
    }

    /** Schedule cancellation; 0 where the table has none. */
    public int scheduleCancelled() {
        return scheduleCancelled;
    }

    /** The end statuses of items that ran their course (not cut short, swept or cancelled). */
    public List<Integer> completed() {
        return switch (this) {
            case EXECUTION -> List.of(5, 6);
            case CONDUCTOR -> List.of(6, 7, 8);
            case MENU_CREATE, EXPORT_IMPORT -> List.of(3, 4);
        };
    }

    public boolean isEnd(int statusId) {
        return names.containsKey(statusId) && statusId != waiting && statusId != scheduled && !running.contains(statusId);
    }

    public boolean exists(int statusId) {
        return names.containsKey(statusId);
    }

    /** The status name in English, or in Japanese when {@code japanese}. */
    public String name(int statusId, boolean japanese) {
        Name name = names.get(statusId);
        if (name == null) {
            return String.valueOf(statusId);
        }
        return japanese ? name.japanese() : name.english();
    }

    Map<Integer, Name> names() {
        return names;
    }

    private static Map<Integer, Name> names(Object... idEnglishJapanese) {
        Map<Integer, Name> names = new LinkedHashMap<>();
        for (int i = 0; i < idEnglishJapanese.length; i += 3) {
            names.put((Integer) idEnglishJapanese[i],
                    new Name((String) idEnglishJapanese[i + 1], (String) idEnglishJapanese[i + 2]));
        }
        return names;
    }
}
