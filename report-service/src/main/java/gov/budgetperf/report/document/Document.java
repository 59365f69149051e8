package gov.budgetperf.report.document;

import java.time.OffsetDateTime;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A generated document: what was asked, the bytes, their checksum, and whether an input has changed since. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public DocumentType type;

    @Enumerated(EnumType.STRING)
    public DocumentFormat format;

    @Column(name = "department_code")
    public String departmentCode = "";

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "project_code")
    public String projectCode = "";

    public String region = "";

    /** Region documents: the date figures and lights are cut at (null: 31 December of the fiscal year). */
    @Column(name = "as_of")
    public java.time.LocalDate asOf;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    /** Loaded only when the content is asked for. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Column(name = "keep_current")
    public boolean keepCurrent;

    public boolean stale;

    @Column(name = "stale_reason")
    public String staleReason;

    @Column(name = "stale_since")
    public OffsetDateTime staleSince;

    /** 1 for the first rendering, +1 for each regeneration. */
    public int generation;

    @Column(name = "generated_at")
    public OffsetDateTime generatedAt;

    @Column(name = "generated_by")
    public String generatedBy;

    @Column(name = "generation_ms")
    public long generationMillis;

    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;

    @Version
    public long version;
}
