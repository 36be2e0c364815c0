package dev.jita.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading and editing jita's menu workbooks (the Excel layout of ExcelWorkbook) as a user would. */
public final class Workbooks {

    private Workbooks() {
    }

    /** The text of the first sheet: cells separated by tabs, rows by line breaks. */
    public static String text(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return text(book.getSheetAt(0));
        }
    }

    public static String text(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                text.append(cell.getStringCellValue()).append('\t');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The index of the first sheet's header row. */
    public static int headerRowOf(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return headerRow(book.getSheetAt(0));
        }
    }

    /** The index of the header row: the one whose column B reads "Item name" (項目名 in Japanese). */
    public static int headerRow(XSSFSheet sheet) {
        for (int r = 0; r < 20; r++) {
            if (cell(sheet, r, 1).equals("Item name") || cell(sheet, r, 1).equals("項目名")) {
                return r;
            }
        }
        throw new AssertionError("no header row");
    }

    /** The header row's labels and their column indexes. */
    public static Map<String, Integer> columns(XSSFSheet sheet, int header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Cell cell : sheet.getRow(header)) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** A cell's text, empty where there is no cell. */
    public static String cell(XSSFSheet sheet, int row, int column) {
        Row found = sheet.getRow(row);
        Cell cell = found == null ? null : found.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    public static void set(XSSFSheet sheet, int row, int column, String value) {
        Row found = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        // A new cell, as Excel saves an edited one: POI would keep the exported inline text beside the new value.
        if (found.getCell(column) != null) {
            found.removeCell(found.getCell(column));
        }
        found.createCell(column).setCellValue(value);
    }
}
