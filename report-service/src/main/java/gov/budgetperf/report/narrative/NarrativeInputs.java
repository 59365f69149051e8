package gov.budgetperf.report.narrative;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.budgetperf.report.content.SectionKey;

/** Request and response bodies of the narrative API. */
public final class NarrativeInputs {

    private NarrativeInputs() {
    }

    @Schema(name = "NarrativeInput")
    public record SectionInput(
            @NotNull @Size(max = 50_000) @Schema(description = "The section's text; paragraphs separated by new lines", examples = "天河区工商联是党领导的人民团体和商会组织。") String content) {
    }

    @Schema(name = "Narrative")
    public record SectionView(String departmentCode, int fiscalYear,
            @Schema(description = "'' for the department as a whole") String projectCode, SectionKey section,
            @Schema(examples = "主要职责") String title, String content,
            @Schema(description = "Version (ETag)") long version, String updatedBy, OffsetDateTime updatedAt) {

        static SectionView of(Narrative n) {
            return new SectionView(n.departmentCode, n.fiscalYear, n.projectCode, n.section, n.section.title(),
                    n.content, n.version, n.updatedBy, n.updatedAt);
        }
    }

    @Schema(name = "NarrativeRevision")
    public record RevisionView(long version, String content, String savedBy, OffsetDateTime savedAt) {
    }

    @Schema(name = "Task", description = "A task of the form's 主要任务 block")
    public record TaskInput(@NotBlank @Size(max = 500) @Schema(examples = "任务1 强化思想政治引领") String name,
            @Size(max = 5000) @Schema(nullable = true, description = "预期目标") String expectedGoal,
            @Size(max = 5000) @Schema(nullable = true, description = "目标完成情况") String achievement,
            @Size(max = 2000) @Schema(nullable = true, description = "关键指标") String keyIndicator,
            @Size(max = 2000) @Schema(nullable = true, description = "指标完成情况") String indicatorResult,
            @DecimalMin("0") @Digits(integer = 16, fraction = 2) @Schema(nullable = true, description = "任务涉及资金 (yuan)") BigDecimal funds) {
    }

    @Schema(name = "TaskListInput")
    public record TaskListInput(@NotNull @Size(max = 200) List<@NotNull @Valid TaskInput> tasks) {
    }

    @Schema(name = "TaskList")
    public record TaskListView(String departmentCode, int fiscalYear, List<TaskInput> tasks,
            @Schema(description = "Version (ETag); -1 while no task list was saved") long version) {
    }
}
