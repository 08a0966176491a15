package org.incidentflow.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Adds SLA targets to instants, either around the clock ({@link #TWENTY_FOUR_SEVEN}) or in business hours
 * ({@link #BUSINESS_HOURS}). Targets are ISO-8601 durations as the DMN table {@code incident-sla} gives them.
 * <p>
 * In business hours a day of the target ({@code P1D}) is one working day, i.e. the length of a working day in working
 * time, and hours and minutes are working hours and minutes: {@code P1D} from Tuesday 10:00 is Wednesday 10:00,
 * {@code PT4H} from Friday 16:00 (08:00–18:00) is Monday 10:00. A start outside working hours counts from the next
 * opening. Weekends and holidays are skipped.
 * <p>
 * Time on hold is measured with {@link #workingTime} in the same calendar and added to the target, so a pause moves a
 * due date by exactly the working time it took: a pause from Friday 17:00 to Monday 09:00 moves it by two hours.
 */
public class SlaCalendar {

	public static final String TWENTY_FOUR_SEVEN = "24x7";
	public static final String BUSINESS_HOURS = "business-hours";

	private final ZoneId zone;
	private final Set<DayOfWeek> workingDays;
	private final LocalTime opens;
	private final LocalTime closes;
	private final Set<LocalDate> holidays;

	public SlaCalendar(ZoneId zone, Collection<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
			Collection<LocalDate> holidays) {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("Business hours must open before they close: " + opens + "–" + closes);
		}
		if (workingDays.isEmpty()) {
			throw new IllegalArgumentException("Business hours need at least one working day");
		}
		this.zone = zone;
		this.workingDays = EnumSet.copyOf(workingDays);
		this.opens = opens;
		this.closes = closes;
		this.holidays = Set.copyOf(holidays);
	}

	/** The instant a target (ISO-8601 duration) runs out when started at {@code start}. */
	public Instant add(Instant start, String calendar, String target) {
		return add(start, calendar, target, 100);
	}

	/** The instant {@code percent} % of a target has elapsed (SLA warnings), started at {@code start}. */
	public Instant add(Instant start, String calendar, String target, int percent) {
		return add(start, calendar, target, percent, Duration.ZERO);
	}

	/**
	 * The instant {@code percent} % of a target has elapsed when {@code onHold} of the calendar's time (see
	 * {@link #workingTime}) was spent on hold since {@code start}: the target is extended by exactly that time.
	 */
	public Instant add(Instant start, String calendar, String target, int percent, Duration onHold) {
		Duration duration = Duration.parse(target);
		if (TWENTY_FOUR_SEVEN.equals(calendar)) {
			return start.plus(scale(duration, percent)).plus(onHold);
		}
		if (BUSINESS_HOURS.equals(calendar)) {
			Duration working = workingDay().multipliedBy(duration.toDays())
				.plus(duration.minusDays(duration.toDays()));
			return addWorkingTime(start, scale(working, percent).plus(onHold));
		}
		throw unknown(calendar);
	}

	/**
	 * The time of the calendar between two instants: around the clock the plain duration, in business hours the sum
	 * of the overlaps with the working periods (local opening hours in the calendar's time zone, on working days that
	 * are not holidays).
	 */
	public Duration workingTime(Instant from, Instant to, String calendar) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("Interval ends before it starts: " + from + " – " + to);
		}
		if (TWENTY_FOUR_SEVEN.equals(calendar)) {
			return Duration.between(from, to);
		}
		if (!BUSINESS_HOURS.equals(calendar)) {
			throw unknown(calendar);
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			Instant open = day.atTime(opens).atZone(zone).toInstant();
			Instant close = day.atTime(closes).atZone(zone).toInstant();
			Instant start = from.isAfter(open) ? from : open;
			Instant end = to.isBefore(close) ? to : close;
			if (start.isBefore(end)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	private static IllegalArgumentException unknown(String calendar) {
		return new IllegalArgumentException("Unknown SLA calendar '" + calendar + "' (known: " + TWENTY_FOUR_SEVEN
				+ ", " + BUSINESS_HOURS + ")");
	}

	private Duration workingDay() {
		return Duration.between(opens, closes);
	}

	private static Duration scale(Duration duration, int percent) {
		return Duration.ofMillis(duration.toMillis() * percent / 100);
	}

	private Instant addWorkingTime(Instant start, Duration working) {
		ZonedDateTime at = start.atZone(zone);
		Duration left = working;
		while (true) {
			if (!isWorkingDay(at.toLocalDate()) || !at.toLocalTime().isBefore(closes)) {
				at = nextWorkingDay(at.toLocalDate()).atTime(opens).atZone(zone);
				continue;
			}
			if (at.toLocalTime().isBefore(opens)) {
				at = at.toLocalDate().atTime(opens).atZone(zone);
			}
			if (left.isZero()) {
				return at.toInstant();
			}
			Duration untilClose = Duration.between(at.toLocalTime(), closes);
			if (left.compareTo(untilClose) <= 0) {
				return at.plus(left).toInstant();
			}
			left = left.minus(untilClose);
			at = nextWorkingDay(at.toLocalDate()).atTime(opens).atZone(zone);
		}
	}

	private LocalDate nextWorkingDay(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

	private boolean isWorkingDay(LocalDate day) {
		return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
	}

}
