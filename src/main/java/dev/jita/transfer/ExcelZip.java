package dev.jita.transfer;

import dev.jita.core.ApiException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads an Excel bulk import zip as a stream, with bounds: at most {@link Limits#entries} entries and
 * {@link Limits#bytes} bytes once decompressed (the workbooks' own parts counted too), so that a zip bomb is
 * refused after reading no more than the bound; no entry may name a path outside the zip ({@code ..}, absolute,
 * a drive). {@link #check} answers what {@code MENU_LIST.txt} lists, each listed workbook found and an xlsx.
 */
final class ExcelZip {

    static final String MENU_LIST = "MENU_LIST.txt";
    private static final int MENU_LIST_MAX = 1024 * 1024;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    /** The bounds: entries of the zip, and bytes decompressed in all. */
    record Limits(int entries, long bytes) {
    }

    /** A menu of {@code MENU_LIST.txt}: its REST name, its workbook's file name and that file's path in the zip. */
    record Listed(String restName, String fileName, String path) {
    }

    /** A refusal of the zip: 499-01301 (unreadable or unsafe), -01302 (no list), -01303 (a bad list). */
    static ApiException refused(String code, String reason) {
        return new ApiException(code, "excel.upload_refused", reason);
    }

    private ExcelZip() {
    }

    /** Checks the whole zip; the menus it lists, in the list's order. */
    static List<Listed> check(InputStream zip, Limits limits) {
        byte[][] menuList = {null};
        Set<String> workbooks = new HashSet<>();
        Map<String, List<String>> byFileName = new HashMap<>();
        read(zip, limits, (name, content, counter) -> {
            if (name.equals(MENU_LIST)) {
                menuList[0] = content.readNBytes(MENU_LIST_MAX);
            } else if (!name.endsWith("/")) {
                byFileName.computeIfAbsent(name.substring(name.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(name);
                if (name.toLowerCase().endsWith(".xlsx") && isXlsx(content, counter)) {
                    workbooks.add(name);
                }
            }
        });
        if (menuList[0] == null) {
            throw refused("499-01302", "The zip holds no " + MENU_LIST + " at its root.");
        }
        List<Listed> listed = new ArrayList<>();
        Set<String> restNames = new HashSet<>();
        for (String line : new String(menuList[0], StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw refused("499-01303", MENU_LIST + ": a line is not <menu REST name>:<file name>: " + line);
            }
            String rest = line.substring(0, colon).trim();
            String fileName = line.substring(colon + 1).trim();
            if (!restNames.add(rest)) {
                throw refused("499-01303", MENU_LIST + ": the menu is listed twice: " + rest);
            }
            List<String> paths = byFileName.getOrDefault(fileName, List.of());
            if (paths.isEmpty()) {
                throw refused("499-01303", MENU_LIST + " names a file the zip does not hold: " + fileName);
            }
            if (paths.size() > 1) {
                throw refused("499-01303", MENU_LIST + " names a file the zip holds more than once: " + fileName);
            }
            if (!workbooks.contains(paths.get(0))) {
                throw refused("499-01301", "Not an Excel workbook (xlsx): " + paths.get(0));
            }
            listed.add(new Listed(rest, fileName, paths.get(0)));
        }
        if (listed.isEmpty()) {
            throw refused("499-01303", MENU_LIST + " lists no menu.");
        }
        return listed;
    }

    /** Copies the entries at {@code paths} into files in {@code dir}, within the same bounds; by path. */
    static Map<String, Path> extract(InputStream zip, Limits limits, Set<String> paths, Path dir) {
        Map<String, Path> extracted = new LinkedHashMap<>();
        read(zip, limits, (name, content, counter) -> {
            if (paths.contains(name)) {
                Path file = Files.createTempFile(dir, "workbook-", ".xlsx");
                try (OutputStream out = Files.newOutputStream(file)) {
                    content.transferTo(out);
                }
                extracted.put(name, file);
            }
        });
        return extracted;
    }

    private interface EntryReader {
        void read(String name, InputStream content, Counter counter) throws IOException;
    }

    /** The bytes decompressed so far, against the bound. */
    private static final class Counter {
        private final long bound;
        private long count;

        Counter(long bound) {
            this.bound = bound;
        }

        void add(long n) {
            count += n;
            if (count > bound) {
                throw refused("499-01301", "The zip decompresses to more than " + bound
                        + " bytes (counting the workbooks' own parts): refused as a possible zip bomb.");
            }
        }

        InputStream counted(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        add(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        add(n);
                    }
                    return n;
                }

                @Override
                public void close() {
                    // The zip stream stays open for its next entry.
                }
            };
        }
    }

    private static void read(InputStream zip, Limits limits, EntryReader reader) {
        Counter counter = new Counter(limits.bytes());
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > limits.entries()) {
                    throw refused("499-01301", "The zip holds more than " + limits.entries() + " entries.");
                }
                String name = entry.getName();
                if (!safe(name)) {
                    throw refused("499-01301", "The zip holds an entry whose path leaves the zip: " + name);
                }
                InputStream content = counter.counted(in);
                reader.read(name, content, counter);
                content.transferTo(OutputStream.nullOutputStream());
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw refused("499-01301", "The file is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw refused("499-01301", "The file is not a readable zip: " + e.getMessage());
        }
        if (entries == 0) {
            throw refused("499-01301", "The file is not a zip, or an empty one.");
        }
    }

    private static boolean safe(String name) {
        String path = name.replace('\\', '/');
        if (path.isEmpty() || path.startsWith("/") || DRIVE.matcher(path).matches() || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the entry is an xlsx: a zip with a content-types part and a workbook part; its parts' bytes counted.
     * Read through a temporary file's central directory: POI's streaming writer leaves sizes out of the local
     * headers, which a zip stream cannot read past.
     */
    private static boolean isXlsx(InputStream content, Counter counter) throws IOException {
        Path copy = Files.createTempFile("jita-excel-check-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                content.transferTo(out);
            }
            boolean types = false;
            boolean workbook = false;
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    types |= entry.getName().equals("[Content_Types].xml");
                    workbook |= entry.getName().equals("xl/workbook.xml");
                    try (InputStream part = zip.getInputStream(entry)) {
                        counter.counted(part).transferTo(OutputStream.nullOutputStream());
                    }
                }
            } catch (ZipException | IllegalArgumentException e) {
                return false;
            }
            return types && workbook;
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
