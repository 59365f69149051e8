package gov.budgetperf.evaluation.ruleset;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One indicator of a rule set's tree (一级/二级/三级指标). Inner nodes have children; leaves have a scoring rule. A
 * second-level node marked extensible takes the third-level indicators a department adds; its weight may be left
 * open (null) when the split is the department's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "IndicatorTemplate", description = "An indicator of a rule set's tree")
public record NodeDefinition(
        @NotBlank @Size(max = 40) @Schema(examples = "LZ13") String code,
        @NotBlank @Size(max = 300) @Schema(examples = "部门预算资金支出率") String name,
        @Schema(description = "分值; null for an open second-level node whose split is set per evaluation", examples = "10") BigDecimal weight,
        @Size(max = 4000) @Schema(description = "指标解释") String explanation,
        @Size(max = 40) @Schema(description = "Unit of target and actual", examples = "%") String unit,
        @Schema(description = "Direction of the target: >=, <= or =", examples = ">=") String direction,
        @Schema(description = "Departments may add third-level indicators under this node") Boolean extensible,
        @Schema(ref = "ScoringRule", description = "Scoring rule of a leaf, e.g. {\"type\":\"THRESHOLD_STEPS\",\"threshold\":95,\"step\":2,\"deductionFraction\":0.2}; null (or absent) for an inner node") JsonNode rule,
        @Valid List<NodeDefinition> children) {

    /** Not a bean getter on purpose: it must not become a JSON property. */
    public boolean leaf() {
        return children == null || children.isEmpty();
    }

    /** Whether departments may add third-level indicators here (not a bean getter: no JSON property). */
    public boolean acceptsCustom() {
        return Boolean.TRUE.equals(extensible);
    }
}
