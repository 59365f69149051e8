package gov.budgetperf.evaluation.ruleset;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named set of grade bands, e.g. the default 优/良/中/差 at 90/80/60. */
@Entity
@Table(name = "grade_band_set")
public class GradeBandSet extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<GradeBand> bands;

    public static Optional<GradeBandSet> byCode(String code) {
        return findByIdOptional(code);
    }
}
