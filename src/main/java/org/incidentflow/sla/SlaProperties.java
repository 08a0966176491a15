package org.incidentflow.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business-hours calendar of the SLA targets ({@code incidentflow.sla.business-hours.*} in application.yaml).
 * Which priority uses it, and the targets themselves, are in the DMN table {@code incident-sla}.
 */
@ConfigurationProperties("incidentflow.sla")
public record SlaProperties(BusinessHours businessHours) {

	public SlaProperties {
		if (businessHours == null) {
			businessHours = new BusinessHours(null, null, null, null, null);
		}
	}

	public record BusinessHours(ZoneId timezone, List<DayOfWeek> workingDays, LocalTime start, LocalTime end,
			List<LocalDate> holidays) {

		public BusinessHours {
			timezone = timezone == null ? ZoneId.of("UTC") : timezone;
			workingDays = workingDays == null || workingDays.isEmpty()
					? List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
					: workingDays;
			start = start == null ? LocalTime.of(8, 0) : start;
			end = end == null ? LocalTime.of(18, 0) : end;
			holidays = holidays == null ? List.of() : holidays;
		}

	}

	public SlaCalendar calendar() {
		return new SlaCalendar(businessHours.timezone(), businessHours.workingDays(), businessHours.start(),
				businessHours.end(), businessHours.holidays());
	}

}
