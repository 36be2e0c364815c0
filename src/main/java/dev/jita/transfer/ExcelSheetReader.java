package dev.jita.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a workbook's first sheet as a stream of rows with POI's event API (SAX): only the row being read is in
 * memory, however many rows the sheet has. Cells are read as their formatted text.
 */
final class ExcelSheetReader {

    /** A row: its 0-based index and its cells' text by 0-based column. */
    record SheetRow(int index, Map<Integer, String> cells) {
        String cell(int column) {
            String value = cells.get(column);
            return value == null ? "" : value;
        }
    }

    interface RowHandler {
        void row(SheetRow row);
    }

    /** Why a workbook could not be read; the message says it for the result file. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private ExcelSheetReader() {
    }

    /** The workbook's sheet names, in order. */
    static List<String> sheetNames(Path workbook) {
        List<String> names = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream ignored = sheets.next()) {
                    names.add(sheets.getSheetName());
                }
            }
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw new Unreadable("The workbook cannot be read as an xlsx: " + e.getMessage());
        }
        return names;
    }

    /** Hands the first sheet's rows to {@code handler}, in order; exceptions the handler throws pass through. */
    static void readFirstSheet(Path workbook, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Unreadable("The workbook has no sheet.");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new Unreadable("The workbook cannot be read as an xlsx: " + e.getMessage());
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw new Unreadable("The workbook cannot be read as an xlsx: " + e.getMessage());
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private Map<Integer, String> cells = new TreeMap<>();
        private int column;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new TreeMap<>();
            column = 0;
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(new SheetRow(rowNum, cells));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int at = reference == null ? column : new CellReference(reference).getCol();
            column = at + 1;
            if (formattedValue != null && !formattedValue.isEmpty()) {
                cells.put(at, formattedValue);
            }
        }
    }
}
