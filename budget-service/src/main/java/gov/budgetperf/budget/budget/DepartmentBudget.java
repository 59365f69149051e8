package gov.budgetperf.budget.budget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import gov.budgetperf.budget.department.Department;

/** A department's budget for one fiscal year. Figures derived from it are computed, never stored. */
@Entity
@Table(name = "department_budget")
public class DepartmentBudget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id")
    public Department department;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "staff_quota")
    public Integer staffQuota;

    @Column(name = "actual_staff")
    public Integer actualStaff;

    @Column(name = "carry_over")
    public BigDecimal carryOver = BigDecimal.ZERO;

    @ElementCollection
    @CollectionTable(name = "budget_allocation", joinColumns = @JoinColumn(name = "budget_id"))
    public List<Allocation> allocations = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "three_public_budget", joinColumns = @JoinColumn(name = "budget_id"))
    public List<ThreePublicBudget> threePublic = new ArrayList<>();

    @Version
    public long version;

    /** Bumped (by {@code BudgetChanges}) with every change of a figure of this department-year. */
    @Column(name = "data_version", insertable = false, updatable = false)
    public long dataVersion;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public static Optional<DepartmentBudget> of(String departmentCode, int year) {
        return find("department.code = ?1 and fiscalYear = ?2", departmentCode, year).firstResultOptional();
    }
}
