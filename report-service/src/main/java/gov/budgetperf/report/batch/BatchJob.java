package gov.budgetperf.report.batch;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import gov.budgetperf.report.document.DocumentFormat;
import gov.budgetperf.report.document.DocumentType;

/** Generation of one document type for every department of a region and year. */
@Entity
@Table(name = "batch_job")
public class BatchJob extends PanacheEntityBase {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String region;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    public DocumentType type;

    @Enumerated(EnumType.STRING)
    public DocumentFormat format;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int total;

    public int done;

    public int failed;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public String message;
}
