package gov.budgetperf.common.problem;

import java.util.Map;

/**
 * A service's unique keys in words, so that a lost race on a check-then-insert answers "a project with this code
 * already exists in this budget" (409) rather than a constraint name. Each service declares one bean implementing
 * this; a constraint it does not list is described from PostgreSQL's detail (its table and columns).
 */
public interface UniqueKeys {

    /** What a duplicate of one key means: the request field that collides and a sentence saying so. */
    record Key(String field, String words) {
    }

    /** By constraint (or unique index) name, as PostgreSQL reports it. */
    Map<String, Key> byConstraint();
}
