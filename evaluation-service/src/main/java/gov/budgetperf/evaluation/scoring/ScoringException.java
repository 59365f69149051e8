package gov.budgetperf.evaluation.scoring;

/**
 * An input, a rule parameter or a proposed score that the scoring engine cannot accept. {@link #field()} names what is
 * wrong (e.g. {@code "target"}, {@code "proposedScore"}, {@code "step"}) so that callers can point at it.
 */
public class ScoringException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ScoringException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the input or parameter at fault. */
    public String field() {
        return field;
    }
}
