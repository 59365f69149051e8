package gov.budgetperf.budget.ledger;

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

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import gov.budgetperf.budget.budget.DepartmentBudget;
import gov.budgetperf.budget.budget.ExpenditureType;
import gov.budgetperf.budget.budget.FundingSource;
import gov.budgetperf.budget.budget.ThreePublicCategory;
import gov.budgetperf.budget.project.Project;

/** An entry of the append-only expenditure ledger (a database trigger refuses UPDATE and DELETE). */
@Entity
@Immutable
@Table(name = "expenditure")
public class Expenditure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "budget_id")
    public DepartmentBudget budget;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(name = "entry_date")
    public LocalDate date;

    /** Signed: a reversal is negative. */
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "expenditure_type")
    public ExpenditureType expenditureType;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source")
    public FundingSource fundingSource;

    @Column(name = "economic_class")
    public String economicClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "three_public")
    public ThreePublicCategory threePublic;

    public String description;

    @Column(name = "reverses_id")
    public Long reversesId;

    @Column(name = "import_batch_id")
    public Long importBatchId;

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
}
