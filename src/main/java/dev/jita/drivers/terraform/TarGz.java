package dev.jita.drivers.terraform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** A gzipped tar (ustar) of flat files, as Terraform Cloud takes a configuration version. */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    static byte[] of(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                gzip.write(header(file.getKey(), file.getValue().length));
                gzip.write(file.getValue());
                gzip.write(new byte[(BLOCK - file.getValue().length % BLOCK) % BLOCK]);
            }
            gzip.write(new byte[2 * BLOCK]);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] header = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("A file name longer than 100 bytes: " + name);
        }
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", 0));
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[155] = ' ';
        return header;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
