package dev.jita.conductor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The node status table of conductor.md (9 and 10 are unused). */
final class NodeStatus {

    static final int UNEXECUTED = 1;
    static final int PREPARING = 2;
    static final int EXECUTING = 3;
    static final int DELAYED = 4;
    static final int NORMAL_END = 5;
    static final int ABEND = 6;
    static final int UNEXPECTED_ERROR = 7;
    static final int EMERGENCY_STOP = 8;
    static final int ON_HOLD = 11;
    static final int PREPARATION_ERROR = 12;
    static final int SKIPPED = 13;
    static final int WARNING_END = 14;

    private static final Set<Integer> OK = Set.of(NORMAL_END, SKIPPED, WARNING_END);
    private static final Set<Integer> ERROR = Set.of(ABEND, UNEXPECTED_ERROR, EMERGENCY_STOP, PREPARATION_ERROR);
    private static final Set<Integer> ACTIVE = Set.of(PREPARING, EXECUTING, DELAYED, ON_HOLD);
    private static final Map<Integer, String[]> NAMES = new LinkedHashMap<>();

    static {
        name(UNEXECUTED, "Unexecuted", "未実行");
        name(PREPARING, "Preparing", "準備中");
        name(EXECUTING, "Executing", "実行中");
        name(DELAYED, "Executing (delay)", "実行中(遅延)");
        name(NORMAL_END, "Normal end", "正常終了");
        name(ABEND, "Abend", "異常終了");
        name(UNEXPECTED_ERROR, "Unexpected error", "想定外エラー");
        name(EMERGENCY_STOP, "Emergency stop", "緊急停止");
        name(ON_HOLD, "On hold", "保留中");
        name(PREPARATION_ERROR, "Preparation error", "準備エラー");
        name(SKIPPED, "End Skip", "スキップ終了");
        name(WARNING_END, "Warning end", "警告終了");
    }

    private NodeStatus() {
    }

    private static void name(int id, String english, String japanese) {
        NAMES.put(id, new String[] {english, japanese});
    }

    static boolean isOk(int status) {
        return OK.contains(status);
    }

    static boolean isError(int status) {
        return ERROR.contains(status);
    }

    static boolean isEnd(int status) {
        return OK.contains(status) || ERROR.contains(status);
    }

    static boolean isActive(int status) {
        return ACTIVE.contains(status);
    }

    static String name(int status, boolean japanese) {
        String[] names = NAMES.get(status);
        return names == null ? String.valueOf(status) : names[japanese ? 1 : 0];
    }
}
