package gov.budgetperf.evaluation.monitoring;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Traffic-light bands of in-year monitoring (序时进度比). */
@ConfigMapping(prefix = "evaluation.monitoring")
public interface MonitoringConfig {

    /** A time-progress ratio below this is red. */
    @WithDefault("60")
    BigDecimal redBelow();

    /** A time-progress ratio below this (and not red) is yellow; at or above it, green. */
    @WithDefault("80")
    BigDecimal yellowBelow();
}
