package dev.jita.execution;

/**
 * A variable value an execution was given, recorded with it when it started, read-only afterwards.
 *
 * @param host      the host the value is for (Ansible), or null for the whole run (Terraform)
 * @param member    a member variable of the variable (Terraform), or null
 * @param order     the substitution order among the values of one variable, or null
 * @param value     the value; {@link ExecutionRun#MASK} for a sensitive one, which is never recorded in clear
 * @param source    where the value came from: {@code <menu>:<item>} of a parameter sheet, or the manual menu
 * @param note      what else should be known, e.g. that it overrode a manual value
 */
public record ExecutionValue(String host, String variable, String member, Integer order, String value,
                             boolean sensitive, String source, String note) {

    /** The same value as it is recorded: masked when sensitive. */
    ExecutionValue recorded() {
        return sensitive && value != null && !value.isEmpty()
                ? new ExecutionValue(host, variable, member, order, ExecutionRun.MASK, true, source, note) : this;
    }
}
