package gov.budgetperf.common.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * "Today" for the figures: the date in the bureau's time zone ({@code platform.calendar.time-zone}, default Asia/Shanghai),
 * whatever the machine's zone. Pods set {@code TZ}, but a local run or a test on a machine in UTC would otherwise
 * call 00:30 in Guangzhou yesterday, and a default as-of date would cut the ledger a day early.
 */
@ApplicationScoped
public class BusinessCalendar {

    @Inject
    CalendarConfig config;

    /** Today's date in the configured zone. */
    public LocalDate today() {
        return LocalDate.now(Clock.system(zone()));
    }

    public ZoneId zone() {
        return config.timeZone();
    }
}
