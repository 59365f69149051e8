package gov.budgetperf.budget.department;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A budget department or unit (部门/单位). */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;
    public String name;
    public String region;
    @Column(name = "parent_code")
    public String parentCode;
    @Column(name = "unit_count")
    public int unitCount;
    public String functions;
    @Column(name = "internal_bodies")
    public String internalBodies;
    @Version
    public long version;
    /** Set here, not by the column default: the created row is answered without being read back. */
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    public static Optional<Department> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
