package gov.budgetperf.common.time;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the platform's dates are read. */
@ConfigMapping(prefix = "platform.calendar")
public interface CalendarConfig {

    /** The zone whose calendar decides "today" for default as-of dates (the finance bureau's). */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
