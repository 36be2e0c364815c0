package dev.jita.backyard;

import dev.jita.maintenance.DrainProbe;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a drain waits for: running items of every backyard that execute_count counts. */
@Component
class RunningWork implements DrainProbe {

    private final JdbcClient jdbc;

    RunningWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int executeCount() {
        return jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE phase = 'R' AND backyard <> ?")
                .param(Backyard.CONDUCTOR_SYNCHRONIZE.serviceName()).query(Integer.class).single();
    }
}
