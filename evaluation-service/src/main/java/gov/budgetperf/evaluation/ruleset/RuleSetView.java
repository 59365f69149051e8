package gov.budgetperf.evaluation.ruleset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSet")
public record RuleSetView(long id, String code, int version, String name, RuleSet.SubjectType subjectType,
        LocalDate effectiveFrom, RuleSet.Status status, String gradeBandSet, List<GradeBand> gradeBands,
        Overachievement overachievement, RuleTree tree, @Schema(nullable = true) String description,
        OffsetDateTime createdAt, String createdBy,
        @Schema(description = "When it was published; null for a draft", nullable = true) OffsetDateTime publishedAt,
        @Schema(description = "Version for optimistic locking (ETag) of a draft") long rowVersion) {

    public static RuleSetView of(RuleSet r) {
        List<GradeBand> bands = GradeBandSet.byCode(r.gradeBandSet).map(b -> b.bands).orElse(List.of());
        return new RuleSetView(r.id, r.code, r.version, r.name, r.subjectType, r.effectiveFrom, r.status, r.gradeBandSet,
                bands, r.overachievement, r.tree, r.description, r.createdAt, r.createdBy, r.publishedAt, r.rowVersion);
    }
}
