package dev.jita.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code excel_job}: what each Excel bulk export or import was asked for and what it produced. */
@Component
class ExcelJobs {

    static final int EXPORT = 1;
    private static final int BATCH = 500;

    /**
     * A job as stored.
     *
     * @param menus the REST names asked for, in the order asked
     * @param fileId the result zip in {@link TransferFiles}, null until the job has completed
     */
    record Job(String executionNo, int executionType, Integer abolishedType, List<String> menus, String language,
               String executionUser, String fileName, String fileId, String resultFileName, String resultFileId) {

        boolean japanese() {
            return "ja".equals(language);
        }
    }

    private static final String SELECT = "SELECT execution_no, execution_type, abolished_type, menus, language, "
            + "execution_user, file_name, file_id, result_file_name, result_file_id FROM excel_job ";

    private final JdbcClient jdbc;

    ExcelJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction, with the backyard item of the same id. */
    void insert(String executionNo, int executionType, Integer abolishedType, List<String> menus, String language,
                String user) {
        jdbc.sql("INSERT INTO excel_job (execution_no, execution_type, abolished_type, menus, language, execution_user) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(executionNo, executionType, abolishedType, String.join(",", menus), language, user).update();
    }

    Optional<Job> find(String executionNo) {
        return jdbc.sql(SELECT + "WHERE execution_no = ?").param(executionNo).query(ExcelJobs::job).optional();
    }

    /** The jobs of the items given, read by ids in batches (a statement's parameters are limited). */
    List<Job> all(List<String> executionNos) {
        List<Job> found = new ArrayList<>();
        for (int from = 0; from < executionNos.size(); from += BATCH) {
            found.addAll(jdbc.sql(SELECT + "WHERE execution_no IN (:ids)")
                    .param("ids", executionNos.subList(from, Math.min(executionNos.size(), from + BATCH)))
                    .query(ExcelJobs::job).list());
        }
        return found;
    }

    void setFile(String executionNo, String fileName, String fileId) {
        jdbc.sql("UPDATE excel_job SET file_name = ?, file_id = ? WHERE execution_no = ?")
                .params(fileName, fileId, executionNo).update();
    }

    void setResult(String executionNo, String resultFileName, String resultFileId) {
        jdbc.sql("UPDATE excel_job SET result_file_name = ?, result_file_id = ? WHERE execution_no = ?")
                .params(resultFileName, resultFileId, executionNo).update();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        int abolished = rs.getInt(3);
        Integer abolishedType = rs.wasNull() ? null : abolished;
        String menus = rs.getString(4);
        return new Job(rs.getString(1), rs.getInt(2), abolishedType,
                menus.isEmpty() ? List.of() : Arrays.asList(menus.split(",")), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
