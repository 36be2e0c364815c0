package dev.jita.maintenance;

/** How much server-side work still runs, as backyard-execute-check counts it (conductors not counted). */
public interface DrainProbe {
    int executeCount();
}
