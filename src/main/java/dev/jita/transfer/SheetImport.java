package dev.jita.transfer;

import dev.jita.core.ApiException;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One workbook of the Excel export's layout applied to one menu: the first sheet read as a stream
 * ({@link ExcelSheetReader}), its rows turned into Register/Update/Discard/Restore operations and applied a page at
 * a time through the menu's bulk maintenance ({@link MenuService#apply}). The Excel bulk import and the per-menu
 * Excel maintenance both go through here. It gathers refusals instead of stopping at the first, so the caller
 * must run it inside one gate write and roll back when {@link #refusals()} is not empty: a refused page marks the
 * transaction rollback-only, later pages still run to find their refusals.
 */
final class SheetImport {

    static final String UNREADABLE = "499-00401";
    static final String NOT_THIS_MENU = "499-00402";
    static final String INVALID = "499-00201";
    private static final int INVALID_STATUS = 499;
    private static final int PAGE = 500;

    /**
     * Why (part of) a workbook was not applied: {@code row} the Excel row (1-based; 0 for the sheet or workbook),
     * {@code column} its letter and {@code restName} its REST name (null when the refusal is not of one column).
     */
    record Refusal(String code, String sheet, int row, String column, String restName, String reason) {
        /** The refusal as one line after {@code title}, e.g. "Operation list, sheet "x", row 12, column E (name): …". */
        String text(String title) {
            StringBuilder text = new StringBuilder(title);
            if (sheet != null) {
                text.append(", sheet \"").append(sheet).append('"');
            }
            if (row > 0) {
                text.append(", row ").append(row);
            }
            if (column != null) {
                text.append(", column ").append(column);
            }
            if (restName != null) {
                text.append(" (").append(restName).append(')');
            }
            return text.append(": ").append(reason).toString();
        }
    }

    private final MenuService menus;
    private final MaintenanceGate gate;
    private final ObjectMapper json;
    private final String organizationId;
    private final String workspaceId;
    private final String user;
    private final MenuDefinition menu;
    private final int maxRows;
    private final boolean japanese;
    private final Runnable stopCheck;
    private final List<ExcelWorkbook.Shown> english;
    private final List<ExcelWorkbook.Shown> japaneseColumns;
    private final List<MenuService.Operation> page = new ArrayList<>();
    private final List<Integer> pageRows = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private String sheet;
    private boolean headerSeen;
    private int headerRow;

    /**
     * @param japanese the language of the refusals this class words (the menu engine's reasons are its own)
     * @param stopCheck called between rows and pages; may throw to abandon the work (a job stopped meanwhile)
     */
    SheetImport(MenuService menus, MaintenanceGate gate, ObjectMapper json, String organizationId, String workspaceId,
                String user, MenuDefinition menu, int maxRows, boolean japanese, Runnable stopCheck) {
        this.menus = menus;
        this.gate = gate;
        this.json = json;
        this.organizationId = organizationId;
        this.workspaceId = workspaceId;
        this.user = user;
        this.menu = menu;
        this.maxRows = maxRows;
        this.japanese = japanese;
        this.stopCheck = stopCheck;
        this.english = ExcelWorkbook.shownColumns(menu, false);
        this.japaneseColumns = ExcelWorkbook.shownColumns(menu, true);
        MenuService.Operation.TYPES.forEach(type -> counts.put(type, 0));
    }

    List<Refusal> refusals() {
        return refusals;
    }

    /** How many of each type were applied (meaningful when there is no refusal). */
    Map<String, Integer> counts() {
        return counts;
    }

    /** The uuids of the records written, in the sheet's order. */
    List<String> ids() {
        return ids;
    }

    /** Reads the workbook and applies its rows; what cannot be applied is added to {@link #refusals()}. */
    void apply(Path workbook) {
        List<String> sheetNames;
        try {
            sheetNames = ExcelSheetReader.sheetNames(workbook);
        } catch (ExcelSheetReader.Unreadable e) {
            refusals.add(unreadable());
            return;
        }
        Set<String> expected = new LinkedHashSet<>(List.of(ExcelWorkbook.sheetName(menu.nameEn()),
                ExcelWorkbook.sheetName(menu.nameJa())));
        if (sheetNames.stream().noneMatch(expected::contains)) {
            refusals.add(new Refusal(NOT_THIS_MENU, null, 0, null, null, NOT_THIS_MENU + " " + (japanese
                    ? "このメニューのシート（" + String.join(" / ", expected) + "）がありません。"
                    : "the workbook has no sheet named after the menu (" + String.join(" / ", expected) + ").")));
            return;
        }
        sheet = sheetNames.get(0);
        try {
            ExcelSheetReader.readFirstSheet(workbook, this::row);
            flush();
            if (!headerSeen) {
                refusals.add(new Refusal(NOT_THIS_MENU, sheet, 0, null, null, japanese
                        ? "見出し行（B「項目名」、C「実行処理種別」）がありません。jita の Excel 出力のブックではありません。"
                        : "no header row (B \"Item name\", C \"Execution process type\") was found: not a workbook of "
                        + "jita's Excel export."));
            }
        } catch (ExcelSheetReader.Unreadable e) {
            refusals.add(unreadable());
        } catch (LayoutMismatch e) {
            // The mismatch is among the refusals; the rest of the sheet cannot be read by position.
        } catch (TooManyRows e) {
            refusals.add(new Refusal(INVALID, sheet, 0, null, null, japanese
                    ? "見出し行の後の行が " + maxRows + " 行を超えています（jita.excel-import.max-rows）。何も取り込まれていません。"
                    : "the sheet has more than " + maxRows + " rows after its header row (jita.excel-import.max-rows); "
                    + "nothing was imported."));
        }
    }

    /** POI's reason is left out: it may name the server's temporary file. */
    private Refusal unreadable() {
        return new Refusal(UNREADABLE, null, 0, null, null, japanese
                ? "xlsx として読めません（.xlsx と .xlsm のみ受け付けます）。"
                : "The workbook cannot be read as an xlsx (only .xlsx and .xlsm are taken).");
    }

    private void row(ExcelSheetReader.SheetRow row) {
        if (!headerSeen) {
            header(row);
            return;
        }
        if (row.index() - headerRow > maxRows) {
            throw new TooManyRows();
        }
        stopCheck.run();
        gate.checkpoint();
        String label = row.cell(2).trim();
        int process = processIndex(label);
        if (process < 0) {
            if (!label.isEmpty() && !label.equals("-")) {
                refusals.add(refusal(row.index(), 2, null, japanese
                        ? "「" + label + "」は実行処理種別（登録、更新、廃止、復活）ではありません。"
                        : "\"" + label + "\" is not a process type (Register, Update, Discard, Restore)."));
            }
            return;
        }
        page.add(operation(process, row));
        pageRows.add(row.index());
        if (page.size() == PAGE) {
            flush();
        }
    }

    private void header(ExcelSheetReader.SheetRow row) {
        ExcelWorkbook.Labels en = new ExcelWorkbook.Labels(false);
        ExcelWorkbook.Labels ja = new ExcelWorkbook.Labels(true);
        boolean isEnglish = row.cell(1).equals(en.itemName()) && row.cell(2).equals(en.processType());
        boolean isJapanese = row.cell(1).equals(ja.itemName()) && row.cell(2).equals(ja.processType());
        if (!isEnglish && !isJapanese) {
            return;
        }
        headerSeen = true;
        headerRow = row.index();
        List<ExcelWorkbook.Shown> shown = isEnglish ? english : japaneseColumns;
        for (int c = 0; c < shown.size(); c++) {
            if (!row.cell(4 + c).equals(shown.get(c).name())) {
                refusals.add(new Refusal(NOT_THIS_MENU, sheet, row.index() + 1,
                        CellReference.convertNumToColString(4 + c), null, japanese
                        ? "列は「" + shown.get(c).name() + "」のはずですが「" + row.cell(4 + c) + "」です。ブックが今のメニューと"
                        + "合いません。出力し直してください。"
                        : "the column should be \"" + shown.get(c).name() + "\" but is \"" + row.cell(4 + c) + "\": the "
                        + "workbook does not match the menu as it is now; export it again."));
                throw new LayoutMismatch();
            }
        }
    }

    private MenuService.Operation operation(int process, ExcelSheetReader.SheetRow row) {
        ObjectNode parameter = json.createObjectNode();
        String type = MenuService.Operation.UPDATE;
        for (int c = 0; c < english.size(); c++) {
            ExcelWorkbook.Shown column = english.get(c);
            String value = row.cell(4 + c);
            String mark = column.marks()[process];
            if (mark.equals("×")) {
                continue;
            }
            boolean password = column.column() != null && column.column().type() == ColumnType.PASSWORD;
            if (process >= 2 && !mark.equals("●")) {
                continue;
            }
            if (value.isEmpty() && (process == 0 || password || process >= 2)) {
                continue;
            }
            parameter.put(column.restName(), value.isEmpty() ? null : value);
        }
        switch (process) {
            case 0 -> type = MenuService.Operation.REGISTER;
            case 2 -> parameter.put("discard", "1");
            case 3 -> parameter.put("discard", "0");
            default -> { }
        }
        return new MenuService.Operation(type, parameter, null);
    }

    /** Applies the page read so far; its refusals are added by Excel row and column. */
    private void flush() {
        if (page.isEmpty()) {
            return;
        }
        List<MenuService.Operation> operations = List.copyOf(page);
        List<Integer> rows = List.copyOf(pageRows);
        page.clear();
        pageRows.clear();
        stopCheck.run();
        try {
            MenuService.Applied applied = menus.apply(organizationId, workspaceId, menu.restName(), () -> operations, user);
            applied.counts().forEach((type, n) -> counts.merge(type, n, Integer::sum));
            applied.records().forEach(record -> ids.add(record.id()));
        } catch (ApiException e) {
            if (e.status() != INVALID_STATUS || !(e.data() instanceof Map<?, ?> data)
                    || !(data.get("errors") instanceof Map<?, ?> errors)) {
                if (e.status() == INVALID_STATUS || e.status() == 403) {
                    refusals.add(new Refusal(e.result(), sheet, 0, null, null, e.result() + " " + e.getMessage()));
                    return;
                }
                throw e;
            }
            errors.forEach((index, columns) -> {
                int excelRow = rows.get(Integer.parseInt(index.toString()));
                ((Map<?, ?>) columns).forEach((column, reasons) -> refusals.add(refusal(excelRow,
                        excelColumn(column.toString()), column.toString(), String.join("; ",
                                ((List<?>) reasons).stream().map(Object::toString).toList()))));
            });
        }
    }

    private Refusal refusal(int rowIndex, int column, String restName, String reason) {
        return new Refusal(INVALID, sheet, rowIndex + 1, column < 0 ? null : CellReference.convertNumToColString(column),
                restName, reason);
    }

    private int excelColumn(String restName) {
        if (restName.equals("type")) {
            return 2;
        }
        if (restName.equals("discard")) {
            return 3;
        }
        for (int c = 0; c < english.size(); c++) {
            if (english.get(c).restName().equals(restName)) {
                return 4 + c;
            }
        }
        return -1;
    }

    private static int processIndex(String label) {
        int index = new ExcelWorkbook.Labels(false).processes().indexOf(label);
        return index >= 0 ? index : new ExcelWorkbook.Labels(true).processes().indexOf(label);
    }

    /** A header that does not match the menu: the sheet is not read further. */
    private static final class LayoutMismatch extends RuntimeException {
        LayoutMismatch() {
            super(null, null, false, false);
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }
}
