package dev.jita.menu;

import java.util.Map;

/**
 * What a record's own columns cannot say about it, checked by the module that knows (e.g. that a text names
 * an active row of another menu). Run in the writing transaction for every record that is active after the
 * write (registered, updated or restored); a reason refuses the write as a bad column does (499-00201).
 */
public interface RecordCheck {

    /** The REST name of the menu whose records this checks. */
    String menu();

    /**
     * Column → reason, for each thing wrong with a record about to be written; empty when it may be.
     *
     * @param values the record's values by REST column name as they are stored (a reference by its record's uuid)
     */
    Map<String, String> reasons(String organizationId, String workspaceId, Map<String, Object> values);
}
