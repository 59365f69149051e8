package gov.budgetperf.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shorthands for the scoring tests. */
final class ScoringAssertions {

    static final String VERSION = "test-rules-1";

    private ScoringAssertions() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static ScoreResult score(ScoringRule rule, String weight, ScoringInput input) {
        return Scorer.score(rule, d(weight), input, VERSION);
    }

    static ScoreResult score(ScoringRule rule, String weight, ScoringInput input, OverachievementPolicy policy) {
        return Scorer.score(rule, d(weight), input, policy, VERSION);
    }

    static ScoringInput measured(String target, String actual) {
        return ScoringInput.of(target == null ? null : d(target), actual == null ? null : d(actual));
    }

    static ScoringInput actual(String actual) {
        return ScoringInput.actual(d(actual));
    }

    /** Asserts that the call is rejected with a {@link ScoringException} naming the field; returns its message. */
    static AbstractStringAssert<?> assertRejected(ThrowingCallable call, String field) {
        ScoringException e = catchThrowableOfType(ScoringException.class, call);
        assertThat(e).as("a ScoringException").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        return assertThat(e.getMessage());
    }
}
