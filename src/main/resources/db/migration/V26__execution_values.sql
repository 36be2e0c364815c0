-- The variable values an execution was given when it started (from parameter sheets through the
-- auto-registration settings, or from the manual value lists), in the order the run used them. Sensitive
-- values are recorded masked.
CREATE TABLE execution_value (
    execution_id          VARCHAR(36)   NOT NULL,
    seq                   INTEGER       NOT NULL,
    host_name             VARCHAR(255),
    variable_name         VARCHAR(255)  NOT NULL,
    member_variable       VARCHAR(255),
    substitution_order    INTEGER,
    value_text            ${text},
    sensitive_value       BOOLEAN       NOT NULL,
    source                VARCHAR(512)  NOT NULL,
    note                  VARCHAR(4000),
    PRIMARY KEY (execution_id, seq),
    CONSTRAINT fk_execution_value FOREIGN KEY (execution_id) REFERENCES execution (execution_id) ON DELETE CASCADE
) ${table_options};
