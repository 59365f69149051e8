package gov.budgetperf.evaluation.ruleset;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The indicator tree of a rule set: its first-level nodes. */
@Schema(name = "IndicatorTree")
public record RuleTree(@NotEmpty @Valid List<NodeDefinition> nodes) {
}
