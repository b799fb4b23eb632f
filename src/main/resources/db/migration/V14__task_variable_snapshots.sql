-- What a Tasklist decision task's variables were when it was created (workflow/DecisionFormGuard): its
-- completion may change only its form's decision fields. One row per variable, its value's SHA-256; the rows
-- go when the task ends. Kept by the portal, because Order Management cannot write the portal's tables.
CREATE TABLE task_variable_snapshot (
    task_id       VARCHAR(64)  NOT NULL,
    variable_name VARCHAR(255) NOT NULL,
    value_hash    CHAR(64)     NOT NULL,
    CONSTRAINT pk_task_variable_snapshot PRIMARY KEY (task_id, variable_name)
);
