package gov.budgetperf.evaluation.budgetfeed;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest figures of a department-year (project code "") or a project, as budget.events reported them. */
@Entity
@Table(name = "budget_figures")
public class BudgetFigures extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_code") String departmentCode,
            @Column(name = "fiscal_year") int fiscalYear, @Column(name = "project_code") String projectCode) {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "data_version")
    public long dataVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode metrics;

    public String region;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    public static Optional<BudgetFigures> of(String departmentCode, int year, String projectCode) {
        return findByIdOptional(new Key(departmentCode, year, projectCode == null ? "" : projectCode));
    }
}
