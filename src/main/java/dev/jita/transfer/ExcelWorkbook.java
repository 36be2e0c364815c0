package dev.jita.transfer;

import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * One menu's workbook, streamed (only {@link #WINDOW} rows of a sheet in memory; the rest goes to compressed
 * temporary files that {@link #write} always removes). The layout, which the Excel import reads back:
 * <ul>
 * <li>sheet 1, named after the menu: rows 1..depth the column-group headers (depth 0 without groups); four
 * rows "Execution process type" (Register, Update, Discard, Restore in B; per column ● required, ○ optional,
 * × not editable); a line-break row (OK/NG); a description row; the header row (C the process type, D discard,
 * E… the columns: the uuid when the menu has no id column, the menu's columns, remarks, last update date/time,
 * last updated user); the data rows (C "-" with the process-type dropdown, D the discard label of a discarded
 * record); 10 blank rows with the dropdown; a footer. Frozen at D of the first data row; autofilter from C.
 * Every value is text. Passwords are never written (empty).</li>
 * <li>"Master": one column per pulldown (choices, or the referenced column's values of the active records),
 * which the data columns' dropdowns refer to.</li>
 * <li>"Filter criteria": what was exported.</li>
 * </ul>
 */
final class ExcelWorkbook {

    static final String MASTER = "Master";
    static final String FILTER_CRITERIA = "Filter criteria";
    static final int BLANK_ROWS = 10;
    private static final int WINDOW = 100;

    /** A shown column: E onwards. {@code marks}: Register, Update, Discard, Restore. */
    record Shown(String restName, String name, String description, String groupId, boolean multiline,
                 String[] marks, Column column) {
    }

    /** The labels of the job's language. */
    record Labels(boolean japanese) {
        String processType() {
            return japanese ? "実行処理種別" : "Execution process type";
        }

        List<String> processes() {
            return japanese ? List.of("登録", "更新", "廃止", "復活") : List.of("Register", "Update", "Discard", "Restore");
        }

        String discard() {
            return japanese ? "廃止" : "Discard";
        }

        String discarded() {
            return japanese ? "廃止" : "Discarded";
        }

        String lineBreak() {
            return japanese ? "改行" : "Line break";
        }

        String lineBreakOk() {
            return japanese ? "可" : "OK";
        }

        String lineBreakNg() {
            return japanese ? "不可" : "NG";
        }

        String description() {
            return japanese ? "説明" : "Description";
        }

        String itemName() {
            return japanese ? "項目名" : "Item name";
        }

        String footer() {
            return japanese ? "新しいレコードは上の空行に入力できます。" : "New records may be entered in the blank rows above.";
        }

        String filterCriteria() {
            return japanese ? "フィルタ条件" : FILTER_CRITERIA;
        }

        String menu() {
            return japanese ? "メニュー" : "Menu";
        }

        String abolishedTypeTitle() {
            return japanese ? "廃止情報" : "Discarded records";
        }

        String abolishedType(int type) {
            return switch (type) {
                case 2 -> japanese ? "廃止を含まない" : "Exclude discarded records";
                case 3 -> japanese ? "廃止のみ" : "Only discarded records";
                default -> japanese ? "全レコード" : "All records";
            };
        }

        String filter() {
            return japanese ? "検索条件" : "Search";
        }

        String outputAt() {
            return japanese ? "出力日時" : "Output date/time";
        }
    }

    private ExcelWorkbook() {
    }

    /** The name of the menu's sheet: its display name as Excel allows sheet names (31 characters, no []:*?/\). */
    static String sheetName(String menuName) {
        String name = WorkbookUtil.createSafeSheetName(menuName, '_');
        if (name.equalsIgnoreCase(MASTER) || name.equalsIgnoreCase(FILTER_CRITERIA)
                || name.equalsIgnoreCase("フィルタ条件")) {
            name = name.length() < 31 ? name + "_" : name.substring(0, 30) + "_";
        }
        return name;
    }

    /**
     * Writes the workbook of {@code menu} to {@code out}: {@code records} hands the records to export to its
     * argument a page at a time; {@code pulldowns} are the Master lists by REST column name.
     */
    static void write(MenuDefinition menu, Labels labels, int abolishedType, String outputAt,
                      Map<String, List<String>> pulldowns, Consumer<Consumer<List<MenuService.Record>>> records,
                      OutputStream out) throws IOException {
        write(menu, labels, abolishedType, outputAt, null, pulldowns, records, out);
    }

    /**
     * As above; {@code filter}, when not null, is the search the records meet (Exastro's conditions as JSON, empty
     * for all records), shown in "Filter criteria" instead of the abolished type.
     */
    static void write(MenuDefinition menu, Labels labels, int abolishedType, String outputAt, String filter,
                      Map<String, List<String>> pulldowns, Consumer<Consumer<List<MenuService.Record>>> records,
                      OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW) {
            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new FastGzipSheetDataWriter();
            }
        };
        try {
            new Writer(workbook, menu, labels, abolishedType, outputAt, filter, pulldowns).write(records);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    /**
     * A sheet's temporary file compressed at the fastest level: it is read back once, when the workbook is written,
     * so the default level's extra work bought nothing but a smaller file that is removed anyway.
     */
    private static final class FastGzipSheetDataWriter extends GZIPSheetDataWriter {
        FastGzipSheetDataWriter() throws IOException {
        }

        @Override
        protected OutputStream decorateOutputStream(FileOutputStream out) throws IOException {
            return new GZIPOutputStream(out, 64 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
    }

    /** The columns shown from E on, in order, with their process-type marks. */
    static List<Shown> shownColumns(MenuDefinition menu, boolean japanese) {
        List<Shown> shown = new ArrayList<>();
        String[] key = {"×", "●", "●", "●"};
        String[] none = {"×", "×", "×", "×"};
        if (menu.columns().stream().noneMatch(c -> c.type() == ColumnType.ID)) {
            shown.add(new Shown("uuid", "UUID", null, null, false, key, null));
        }
        for (Column column : menu.columns()) {
            String[] marks;
            if (column.type() == ColumnType.ID) {
                marks = key;
            } else if (column.readOnly() || column.type() == ColumnType.FILE) {
                marks = none;
            } else {
                String given = column.required() ? "●" : "○";
                marks = new String[] {given, column.type() == ColumnType.PASSWORD ? "○" : given, "×", "×"};
            }
            shown.add(new Shown(column.restName(), japanese ? column.nameJa() : column.nameEn(), column.description(),
                    column.group(), column.type() == ColumnType.MULTILINE, marks, column));
        }
        shown.add(new Shown("remarks", japanese ? "備考" : "Remarks", null, null, true,
                new String[] {"○", "○", "×", "×"}, null));
        shown.add(new Shown("last_update_date_time", japanese ? "最終更新日時" : "Last update date/time", null, null,
                false, key, null));
        shown.add(new Shown("last_updated_user", japanese ? "最終更新者" : "Last updated by", null, null, false, none,
                null));
        return shown;
    }

    /** The column-group names above a column, the top group first. */
    static List<MenuDefinition.ColumnGroup> groupChain(MenuDefinition menu, String groupId) {
        List<MenuDefinition.ColumnGroup> chain = new ArrayList<>();
        String id = groupId;
        while (id != null && chain.size() < 32) {
            MenuDefinition.ColumnGroup group = menu.columnGroup(id).orElse(null);
            if (group == null) {
                break;
            }
            chain.add(0, group);
            id = group.parentId();
        }
        return chain;
    }

    private static final class Writer {
        private final SXSSFWorkbook workbook;
        private final MenuDefinition menu;
        private final Labels labels;
        private final int abolishedType;
        private final String outputAt;
        private final String filter;
        private final Map<String, List<String>> pulldowns;
        private final List<Shown> shown;
        private final CellStyle title;
        private final CellStyle mark;
        private final CellStyle text;
        private final CellStyle footer;

        Writer(SXSSFWorkbook workbook, MenuDefinition menu, Labels labels, int abolishedType, String outputAt,
               String filter, Map<String, List<String>> pulldowns) {
            this.filter = filter;
            this.workbook = workbook;
            this.menu = menu;
            this.labels = labels;
            this.abolishedType = abolishedType;
            this.outputAt = outputAt;
            this.pulldowns = pulldowns;
            this.shown = shownColumns(menu, labels.japanese());
            short textFormat = workbook.createDataFormat().getFormat("@");
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font white = workbook.createFont();
            white.setBold(true);
            white.setColor(IndexedColors.WHITE.getIndex());
            this.title = style(textFormat, IndexedColors.LIGHT_CORNFLOWER_BLUE, bold, HorizontalAlignment.CENTER);
            this.mark = style(textFormat, IndexedColors.LEMON_CHIFFON, null, HorizontalAlignment.CENTER);
            this.text = style(textFormat, null, null, HorizontalAlignment.LEFT);
            this.footer = style(textFormat, IndexedColors.ROYAL_BLUE, white, HorizontalAlignment.LEFT);
        }

        private CellStyle style(short format, IndexedColors fill, Font font, HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            if (fill != null) {
                style.setFillForegroundColor(fill.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }

        void write(Consumer<Consumer<List<MenuService.Record>>> records) {
            Sheet sheet = workbook.createSheet(sheetName(labels.japanese() ? menu.nameJa() : menu.nameEn()));
            Sheet master = workbook.createSheet(MASTER);
            Sheet criteria = workbook.createSheet(labels.filterCriteria());
            int lastColumn = 3 + shown.size();
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 14 * 256);
            sheet.setColumnWidth(2, 24 * 256);
            sheet.setColumnWidth(3, 10 * 256);
            for (int c = 4; c <= lastColumn; c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
            int depth = groupRows(sheet);
            int row = depth;
            List<String> processes = labels.processes();
            String[] discardMarks = {"×", "○", "×", "×"};
            for (int p = 0; p < 4; p++) {
                Row marks = sheet.createRow(row + p);
                cell(marks, 0, p == 0 ? labels.processType() : "", title);
                cell(marks, 1, processes.get(p), title);
                cell(marks, 2, "", title);
                cell(marks, 3, discardMarks[p], mark);
                for (int c = 0; c < shown.size(); c++) {
                    cell(marks, 4 + c, shown.get(c).marks()[p], mark);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(row, row + 3, 0, 0));
            row += 4;
            Row lineBreak = sheet.createRow(row++);
            cell(lineBreak, 0, "", title);
            cell(lineBreak, 1, labels.lineBreak(), title);
            cell(lineBreak, 2, "", title);
            cell(lineBreak, 3, labels.lineBreakNg(), mark);
            for (int c = 0; c < shown.size(); c++) {
                cell(lineBreak, 4 + c, shown.get(c).multiline() ? labels.lineBreakOk() : labels.lineBreakNg(), mark);
            }
            Row description = sheet.createRow(row++);
            cell(description, 0, "", title);
            cell(description, 1, labels.description(), title);
            cell(description, 2, "", title);
            cell(description, 3, "", text);
            for (int c = 0; c < shown.size(); c++) {
                String said = shown.get(c).description();
                cell(description, 4 + c, said == null ? "" : said, text);
            }
            int header = row++;
            Row names = sheet.createRow(header);
            cell(names, 0, "", title);
            cell(names, 1, labels.itemName(), title);
            cell(names, 2, labels.processType(), title);
            cell(names, 3, labels.discard(), title);
            for (int c = 0; c < shown.size(); c++) {
                cell(names, 4 + c, shown.get(c).name(), title);
            }
            int firstData = row;
            int[] next = {row};
            records.accept(page -> {
                for (MenuService.Record record : page) {
                    dataRow(sheet, next[0]++, record);
                }
            });
            int lastData = next[0] - 1;
            for (int i = 0; i < BLANK_ROWS; i++) {
                dataRow(sheet, next[0]++, null);
            }
            int lastInput = next[0] - 1;
            Row foot = sheet.createRow(next[0]);
            cell(foot, 0, labels.footer(), footer);
            for (int c = 1; c <= lastColumn; c++) {
                cell(foot, c, "", footer);
            }
            sheet.createFreezePane(3, firstData);
            sheet.setAutoFilter(new CellRangeAddress(header, Math.max(header, lastData), 2, lastColumn));
            validations(sheet, master, firstData, lastInput);
            criteria(criteria);
        }

        /** The column-group header rows; their number. */
        private int groupRows(Sheet sheet) {
            List<List<MenuDefinition.ColumnGroup>> chains = new ArrayList<>();
            int depth = 0;
            for (Shown column : shown) {
                List<MenuDefinition.ColumnGroup> chain = groupChain(menu, column.groupId());
                chains.add(chain);
                depth = Math.max(depth, chain.size());
            }
            for (int r = 0; r < depth; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 4; c++) {
                    cell(row, c, "", title);
                }
                int start = -1;
                String current = null;
                for (int c = 0; c <= chains.size(); c++) {
                    MenuDefinition.ColumnGroup group = c < chains.size() && r < chains.get(c).size()
                            ? chains.get(c).get(r) : null;
                    String id = group == null ? null : group.id();
                    if (start >= 0 && !Objects.equals(id, current)) {
                        if (c - 1 > start) {
                            sheet.addMergedRegion(new CellRangeAddress(r, r, 4 + start, 4 + c - 1));
                        }
                        start = -1;
                    }
                    if (c == chains.size()) {
                        break;
                    }
                    cell(row, 4 + c, group == null ? "" : labels.japanese() ? group.nameJa() : group.nameEn(), title);
                    if (id != null && start < 0) {
                        start = c;
                    }
                    current = id;
                }
            }
            return depth;
        }

        private void dataRow(Sheet sheet, int index, MenuService.Record record) {
            Row row = sheet.createRow(index);
            cell(row, 0, "", text);
            cell(row, 1, "", text);
            cell(row, 2, record == null ? "" : "-", text);
            cell(row, 3, record != null && record.discarded() ? labels.discarded() : "", text);
            for (int c = 0; c < shown.size(); c++) {
                Shown column = shown.get(c);
                Object value = null;
                if (record != null && (column.column() == null || column.column().type() != ColumnType.PASSWORD)) {
                    value = record.parameter().get(column.restName());
                }
                cell(row, 4 + c, value == null ? "" : value.toString(), text);
            }
        }

        /** The process-type dropdown in C and the pulldowns' dropdowns, from the Master sheet's lists. */
        private void validations(Sheet sheet, Sheet master, int firstRow, int lastRow) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            List<String> types = new ArrayList<>(List.of("-"));
            types.addAll(labels.processes());
            DataValidation process = helper.createValidation(
                    helper.createExplicitListConstraint(types.toArray(String[]::new)),
                    new CellRangeAddressList(firstRow, lastRow, 2, 2));
            process.setShowErrorBox(true);
            sheet.addValidationData(process);
            DataValidation discard = helper.createValidation(
                    helper.createExplicitListConstraint(new String[] {labels.discarded()}),
                    new CellRangeAddressList(firstRow, lastRow, 3, 3));
            sheet.addValidationData(discard);
            Map<Integer, List<String>> lists = new LinkedHashMap<>();
            Row head = master.createRow(0);
            int masterColumn = 0;
            for (int c = 0; c < shown.size(); c++) {
                List<String> values = pulldowns.get(shown.get(c).restName());
                if (values == null) {
                    continue;
                }
                cell(head, masterColumn, shown.get(c).name(), title);
                lists.put(masterColumn, values);
                if (!values.isEmpty()) {
                    String letter = CellReference.convertNumToColString(masterColumn);
                    String range = MASTER + "!$" + letter + "$2:$" + letter + "$" + (values.size() + 1);
                    DataValidation list = helper.createValidation(helper.createFormulaListConstraint(range),
                            new CellRangeAddressList(firstRow, lastRow, 4 + c, 4 + c));
                    list.setShowErrorBox(true);
                    sheet.addValidationData(list);
                }
                masterColumn++;
            }
            int longest = lists.values().stream().mapToInt(List::size).max().orElse(0);
            for (int r = 0; r < Math.min(longest, SpreadsheetVersion.EXCEL2007.getLastRowIndex()); r++) {
                Row row = master.createRow(r + 1);
                for (Map.Entry<Integer, List<String>> list : lists.entrySet()) {
                    if (r < list.getValue().size()) {
                        cell(row, list.getKey(), list.getValue().get(r), text);
                    }
                }
            }
        }

        private void criteria(Sheet sheet) {
            String[][] rows = {
                    {labels.menu(), labels.japanese() ? menu.nameJa() : menu.nameEn()},
                    {"menu_name_rest", menu.restName()},
                    filter == null ? new String[] {labels.abolishedTypeTitle(), labels.abolishedType(abolishedType)}
                            : new String[] {labels.filter(), filter.isEmpty() ? labels.abolishedType(1) : filter},
                    {labels.outputAt(), outputAt}};
            sheet.setColumnWidth(0, 24 * 256);
            sheet.setColumnWidth(1, 40 * 256);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                cell(row, 0, rows[r][0], title);
                cell(row, 1, rows[r][1], text);
            }
        }

        private static void cell(Row row, int column, String value, CellStyle style) {
            var cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }
}
