package dev.jita.transfer;

import dev.jita.core.Times;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The export/import jobs' files (archives, workbooks, logs) in {@code transfer_file}, in chunks of {@link #CHUNK}
 * bytes: written and read a chunk at a time, so memory stays flat however large a file is. Writes join the
 * caller's transaction (the maintenance gate's), so a job's file exists exactly when its result does.
 */
@Component
class TransferFiles {

    static final int CHUNK = 1024 * 1024;

    private final JdbcClient jdbc;

    TransferFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the stream's bytes as a new file; its id. */
    String store(InputStream content) {
        String fileId = UUID.randomUUID().toString();
        LocalDateTime storedAt = Times.toDb(Times.now());
        byte[] chunk = new byte[CHUNK];
        int chunkNo = 0;
        try {
            int length;
            while ((length = content.readNBytes(chunk, 0, CHUNK)) > 0) {
                jdbc.sql("INSERT INTO transfer_file (file_id, chunk_no, content, stored_at) VALUES (?, ?, ?, ?)")
                        .params(fileId, chunkNo++, length == CHUNK ? chunk : Arrays.copyOf(chunk, length), storedAt)
                        .update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (chunkNo == 0) {
            jdbc.sql("INSERT INTO transfer_file (file_id, chunk_no, content, stored_at) VALUES (?, 0, ?, ?)")
                    .params(fileId, new byte[0], storedAt).update();
        }
        return fileId;
    }

    /** The file's bytes, read a chunk at a time as the stream is read; empty when there is no such file. */
    Optional<InputStream> open(String fileId) {
        Integer chunks = jdbc.sql("SELECT COUNT(*) FROM transfer_file WHERE file_id = ?").param(fileId)
                .query(Integer.class).single();
        if (chunks == 0) {
            return Optional.empty();
        }
        return Optional.of(new InputStream() {
            private int next;
            private byte[] chunk = new byte[0];
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                while (position == chunk.length) {
                    if (next == chunks) {
                        return -1;
                    }
                    chunk = jdbc.sql("SELECT content FROM transfer_file WHERE file_id = ? AND chunk_no = ?")
                            .params(fileId, next++).query(byte[].class).single();
                    position = 0;
                }
                int count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, buffer, offset, count);
                position += count;
                return count;
            }
        });
    }

    /** The file's size in bytes, or empty when there is no such file. */
    Optional<Long> size(String fileId) {
        return jdbc.sql("SELECT SUM(OCTET_LENGTH(content)) FROM transfer_file WHERE file_id = ?").param(fileId)
                .query(Long.class).optional();
    }

    /**
     * Removes the files stored before {@code before} that no job or upload refers to (an expired upload's, a deleted
     * workspace's jobs'), at most {@code limit} of them; how many. A file and the row that refers to it are written
     * in one transaction, so an unreferred file that is old enough is one nobody will refer to. Idempotent: nodes
     * sweeping at once delete each file once between them.
     */
    int deleteUnreferred(Instant before, int limit) {
        List<String> unreferred = jdbc.sql("SELECT DISTINCT f.file_id FROM transfer_file f WHERE f.stored_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM menu_export_import m WHERE m.file_id = f.file_id "
                        + "OR m.log_id = f.file_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM excel_job e WHERE e.file_id = f.file_id "
                        + "OR e.result_file_id = f.file_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM menu_import_upload u WHERE u.file_id = f.file_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM excel_upload x WHERE x.file_id = f.file_id)")
                .param(Times.toDb(before)).query(String.class).list();
        unreferred = unreferred.subList(0, Math.min(limit, unreferred.size()));
        unreferred.forEach(this::delete);
        return unreferred.size();
    }

    void delete(String fileId) {
        jdbc.sql("DELETE FROM transfer_file WHERE file_id = ?").param(fileId).update();
    }
}
