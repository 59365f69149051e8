package gov.budgetperf.evaluation.ruleset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A version of a rule set (指标体系): tree, rules and grade bands. Published versions are immutable. */
@Entity
@Table(name = "rule_set")
public class RuleSet extends PanacheEntityBase {

    public enum Status {
        DRAFT, PUBLISHED
    }

    public enum SubjectType {
        /** 项目支出绩效评价. */
        PROJECT,
        /** 部门整体支出绩效评价. */
        DEPARTMENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public int version;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "grade_band_set")
    public String gradeBandSet;

    @JdbcTypeCode(SqlTypes.JSON)
    public Overachievement overachievement;

    @JdbcTypeCode(SqlTypes.JSON)
    public RuleTree tree;

    public String description;

    /** Set here, not by the column default: the created row is answered without being read back. */
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @PrePersist
    void created() {
        if (createdAt == null) {
            createdAt = OffsetDateTime.now();
        }
    }

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** "code/version", as evaluations and explanations name it. */
    public String label() {
        return code + "/v" + version;
    }

    public static Optional<RuleSet> byVersion(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }

    /** The published version of a code in force on a date: the latest effective on or before it. */
    public static Optional<RuleSet> inForce(String code, LocalDate on) {
        return find("code = ?1 and status = ?2 and effectiveFrom <= ?3 order by effectiveFrom desc, version desc", code,
                Status.PUBLISHED, on).firstResultOptional();
    }

    public static int nextVersion(String code) {
        Integer max = find("select max(r.version) from RuleSet r where r.code = ?1", code).project(Integer.class)
                .firstResult();
        return max == null ? 1 : max + 1;
    }
}
