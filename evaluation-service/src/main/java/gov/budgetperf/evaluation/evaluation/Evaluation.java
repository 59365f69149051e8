package gov.budgetperf.evaluation.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import gov.budgetperf.evaluation.ruleset.RuleSet;

/** An evaluation of a department-year or a project-year, made from one rule-set version. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    public enum Kind {
        /** 自评. */
        SELF,
        /** 部门评价. */
        DEPARTMENT,
        /** 财政评价. */
        FINANCE
    }

    public enum Status {
        DRAFT, SUBMITTED, RETURNED, APPROVED, PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public RuleSet.SubjectType subjectType;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "project_code")
    public String projectCode;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rule_set_id")
    public RuleSet ruleSet;

    @Enumerated(EnumType.STRING)
    public Status status;

    public BigDecimal total;

    public String grade;

    public boolean rescaled;

    @Column(name = "budget_data_version")
    public Long budgetDataVersion;

    @Column(name = "budget_changed_after_submission")
    public boolean budgetChangedAfterSubmission;

    /** Rates typed into the form, in percent, by metric (EXECUTION_RATE, ADJUSTMENT_RATE, …). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "declared_rates")
    public Map<String, BigDecimal> declaredRates;

    /**
     * Why execution rates outside 90–100 % are so, where no indicator carries it: {@code {"subject": {"reason",
     * "measure"}, "projects": {"<project code>": {"reason", "measure"}}}} (see EvaluationInputs.ExecutionExplanations).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "execution_explanations")
    public JsonNode executionExplanations;

    @Version
    public long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("level, position")
    public List<Indicator> indicators = new ArrayList<>();

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    /** Departments may change it only while it is a draft or returned to them. */
    public boolean editable() {
        return status == Status.DRAFT || status == Status.RETURNED;
    }

    public Indicator indicator(String code) {
        return indicators.stream().filter(i -> i.code.equals(code)).findFirst().orElse(null);
    }

    public List<Indicator> children(String parentCode) {
        return indicators.stream().filter(i -> parentCode.equals(i.parentCode)).toList();
    }

    public List<Indicator> leaves() {
        return indicators.stream().filter(i -> i.rule != null).toList();
    }
}
