package gov.budgetperf.budget.project;

import java.math.BigDecimal;
import java.util.Optional;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import gov.budgetperf.budget.budget.DepartmentBudget;
import gov.budgetperf.budget.budget.FundingSource;

/** A project (项目) of a department-year; a second-level project belongs to a first-level one. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "budget_id")
    public DepartmentBudget budget;

    public String code;
    public String name;
    public int level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Project parent;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source")
    public FundingSource fundingSource;

    @Column(name = "initial_budget")
    public BigDecimal initialBudget;

    public String description;

    @Version
    public long version;

    public static Optional<Project> of(DepartmentBudget budget, String code) {
        return find("budget = ?1 and code = ?2", budget, code).firstResultOptional();
    }
}
