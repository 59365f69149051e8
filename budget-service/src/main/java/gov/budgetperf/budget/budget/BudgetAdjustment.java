package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import gov.budgetperf.budget.project.Project;

/** A dated budget adjustment (预算调整) of a department-year, or of one of its projects. Never edited. */
@Entity
@Table(name = "budget_adjustment")
public class BudgetAdjustment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "budget_id")
    public DepartmentBudget budget;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(name = "adjustment_date")
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    public AdjustmentKind kind;

    /** Positive; the kind gives the sign. */
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "expenditure_type")
    public ExpenditureType expenditureType;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source")
    public FundingSource fundingSource;

    public String reason;

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

    public BigDecimal signedAmount() {
        return kind.sign() > 0 ? amount : amount.negate();
    }
}
