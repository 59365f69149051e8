package gov.budgetperf.report.narrative;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import gov.budgetperf.report.content.SectionKey;

/** A narrative section written by a department (project_code '' for the department as a whole). */
@Entity
@Table(name = "narrative")
public class Narrative extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "project_code")
    public String projectCode;

    @Enumerated(EnumType.STRING)
    public SectionKey section;

    public String content;

    @Version
    public long version;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
