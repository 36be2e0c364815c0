package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code ita-by-excel-export-import} backyard's job on this node: an export ({@link ExcelExportRun}) or an
 * import ({@link ExcelImportRun}).
 * {@code jita.excel-export-import.enabled=false} leaves the items to other nodes.
 */
@Configuration
class ExcelExportJob {

    static final int COMPLETED = 3;
    static final int COMPLETED_ERROR = 4;

    @Bean
    JobHandler excelExportImportHandler(ExcelExportRun export, ExcelImportRun excelImport, ExcelJobs jobs) {
        return new JobHandler() {
            @Override
            public Backyard backyard() {
                return Backyard.EXCEL_EXPORT_IMPORT;
            }

            @Override
            public Step run(ClaimedItem item, ItemProgress progress) {
                return jobs.find(item.itemId()).filter(job -> job.executionType() == ExcelImports.IMPORT)
                        .map(job -> excelImport.run(item, job)).orElseGet(() -> export.run(item));
            }
        };
    }
}
