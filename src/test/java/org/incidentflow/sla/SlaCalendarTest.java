package org.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaCalendarTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	// Mon-Fri 08:00-18:00 Berlin; Wed 2026-12-23 is a normal day, 2026-12-24/25/26 holidays (Thu/Fri/Sat)
	final SlaCalendar calendar = new SlaCalendar(BERLIN,
			List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
			LocalTime.of(8, 0), LocalTime.of(18, 0),
			List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")));

	static Instant berlin(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
	}

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource({
			// within the same day
			"2026-11-24T10:00, PT4H, 2026-11-24T14:00",
			// runs past closing into the next morning
			"2026-11-24T16:00, PT4H, 2026-11-25T10:00",
			// reported before opening counts from 08:00
			"2026-11-24T06:30, PT1H, 2026-11-24T09:00",
			// reported after closing counts from the next opening
			"2026-11-24T19:00, PT30M, 2026-11-25T08:30",
			// Friday afternoon runs into Monday
			"2026-11-27T16:00, PT4H, 2026-11-30T10:00",
			// reported on Saturday counts from Monday 08:00
			"2026-11-28T11:00, PT8H, 2026-11-30T16:00",
			// a day is one working day: same time next working day
			"2026-11-24T10:00, P1D, 2026-11-25T10:00",
			"2026-11-27T10:00, P1D, 2026-11-30T10:00",
			"2026-11-24T10:00, P3D, 2026-11-27T10:00",
			"2026-11-23T09:00, P5D, 2026-11-30T09:00",
			// ending exactly at closing stays on that day
			"2026-11-24T14:00, PT4H, 2026-11-24T18:00",
			// holidays are skipped: Wed 16:00 + 4h -> Mon 28 Dec 10:00 (24, 25 holidays, 26/27 weekend)
			"2026-12-23T16:00, PT4H, 2026-12-28T10:00" })
	void businessHours(String start, String target, String due) {
		assertThat(calendar.add(berlin(start), SlaCalendar.BUSINESS_HOURS, target)).isEqualTo(berlin(due));
	}

	@Test
	void warningIsAShareOfTheWorkingTime() {
		// 75 % of P1D (10 working hours) = 7.5 h: Tue 16:00 + 2h -> Wed 08:00 + 5.5 h = 13:30
		assertThat(calendar.add(berlin("2026-11-24T16:00"), SlaCalendar.BUSINESS_HOURS, "P1D", 75))
			.isEqualTo(berlin("2026-11-25T13:30"));
	}

	@Test
	void twentyFourSevenIsPlainDuration() {
		Instant saturdayNight = berlin("2026-11-28T23:50");
		assertThat(calendar.add(saturdayNight, SlaCalendar.TWENTY_FOUR_SEVEN, "PT15M")).isEqualTo(berlin("2026-11-29T00:05"));
		assertThat(calendar.add(saturdayNight, SlaCalendar.TWENTY_FOUR_SEVEN, "PT4H", 75))
			.isEqualTo(saturdayNight.plusSeconds(3 * 3600));
		// a holiday does not matter around the clock
		assertThat(calendar.add(berlin("2026-12-24T12:00"), SlaCalendar.TWENTY_FOUR_SEVEN, "P1D"))
			.isEqualTo(berlin("2026-12-25T12:00"));
	}

	@Test
	void daylightSavingChangeKeepsLocalOpeningHours() {
		// Fri 27 Mar 2026 17:00 + 2h working -> Mon 30 Mar 09:00 local, after the clocks moved on Sunday
		assertThat(calendar.add(berlin("2026-03-27T17:00"), SlaCalendar.BUSINESS_HOURS, "PT2H"))
			.isEqualTo(berlin("2026-03-30T09:00"));
	}

	@Test
	void rejectsUnknownCalendarAndBadHours() {
		assertThatThrownBy(() -> calendar.add(Instant.now(), "office", "PT1H")).hasMessageContaining("office");
		assertThatThrownBy(() -> new SlaCalendar(BERLIN, List.of(DayOfWeek.MONDAY), LocalTime.of(18, 0),
				LocalTime.of(8, 0), List.of())).isInstanceOf(IllegalArgumentException.class);
	}

	// ------------------------------------------------------------------------------------------ working time

	@ParameterizedTest(name = "{0} – {1} = {2}")
	@CsvSource({
			// same day, inside working hours
			"2026-11-24T10:00, 2026-11-24T12:30, PT2H30M",
			// same day, starts before opening and ends after closing: the whole working day
			"2026-11-24T06:00, 2026-11-24T20:00, PT10H",
			// overnight: 17:00–18:00 and 08:00–09:00
			"2026-11-24T17:00, 2026-11-25T09:00, PT2H",
			// entirely outside working hours
			"2026-11-24T18:00, 2026-11-25T08:00, PT0S",
			"2026-11-24T19:00, 2026-11-24T23:00, PT0S",
			// weekend: Friday 17:00 to Monday 09:00 is two working hours, Saturday to Sunday none
			"2026-11-27T17:00, 2026-11-30T09:00, PT2H",
			"2026-11-28T09:00, 2026-11-29T17:00, PT0S",
			// a whole week: five working days
			"2026-11-23T00:00, 2026-11-30T00:00, PT50H",
			// holidays: Wed 23 Dec 16:00 to Mon 28 Dec 10:00 (24, 25 holidays, 26/27 weekend)
			"2026-12-23T16:00, 2026-12-28T10:00, PT4H",
			"2026-12-24T08:00, 2026-12-24T18:00, PT0S",
			// the clocks move on Sunday 29 March and 25 October 2026: opening hours stay local
			"2026-03-27T17:00, 2026-03-30T09:00, PT2H",
			"2026-03-27T08:00, 2026-03-30T18:00, PT20H",
			"2026-10-23T17:00, 2026-10-26T09:00, PT2H",
			// zero length, also outside working hours
			"2026-11-24T10:00, 2026-11-24T10:00, PT0S",
			"2026-11-28T10:00, 2026-11-28T10:00, PT0S" })
	void workingTimeInBusinessHours(String from, String to, String expected) {
		assertThat(calendar.workingTime(berlin(from), berlin(to), SlaCalendar.BUSINESS_HOURS))
			.isEqualTo(java.time.Duration.parse(expected));
	}

	@Test
	void workingTimeAroundTheClockIsElapsedTime() {
		// Saturday noon to Sunday noon across the spring change: 23 hours
		assertThat(calendar.workingTime(berlin("2026-03-28T12:00"), berlin("2026-03-29T12:00"),
				SlaCalendar.TWENTY_FOUR_SEVEN)).isEqualTo(java.time.Duration.ofHours(23));
		assertThat(calendar.workingTime(berlin("2026-12-24T12:00"), berlin("2026-12-24T12:00"),
				SlaCalendar.TWENTY_FOUR_SEVEN)).isZero();
	}

	@Test
	void workingTimeOnTheDayTheClocksMove() {
		// open every day 01:00-05:00: on Sunday 29 March 2026 02:00-03:00 does not exist, so that day has 3 hours
		SlaCalendar night = new SlaCalendar(BERLIN, java.util.EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0),
				LocalTime.of(5, 0), List.of());
		assertThat(night.workingTime(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00"), SlaCalendar.BUSINESS_HOURS))
			.isEqualTo(java.time.Duration.ofHours(3));
		// and on Sunday 25 October 02:00-03:00 happens twice: 5 hours
		assertThat(night.workingTime(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00"), SlaCalendar.BUSINESS_HOURS))
			.isEqualTo(java.time.Duration.ofHours(5));
	}

	@Test
	void workingTimeRejectsReversedIntervalsAndUnknownCalendars() {
		assertThatThrownBy(() -> calendar.workingTime(berlin("2026-11-24T12:00"), berlin("2026-11-24T10:00"),
				SlaCalendar.BUSINESS_HOURS)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> calendar.workingTime(Instant.now(), Instant.now(), "office"))
			.hasMessageContaining("office");
	}

	@Test
	void timeOnHoldExtendsTheTargetInTheSameCalendar() {
		// P1D from Tuesday 10:00 is Wednesday 10:00; with 2 working hours on hold Wednesday 12:00
		assertThat(calendar.add(berlin("2026-11-24T10:00"), SlaCalendar.BUSINESS_HOURS, "P1D", 100,
				java.time.Duration.ofHours(2))).isEqualTo(berlin("2026-11-25T12:00"));
		// warning: 75 % of the target plus all the time on hold, 7.5 h + 2 h from Tuesday 10:00 = Wednesday 09:30
		assertThat(calendar.add(berlin("2026-11-24T10:00"), SlaCalendar.BUSINESS_HOURS, "P1D", 75,
				java.time.Duration.ofHours(2))).isEqualTo(berlin("2026-11-25T09:30"));
		assertThat(calendar.add(berlin("2026-11-24T10:00"), SlaCalendar.TWENTY_FOUR_SEVEN, "PT4H", 100,
				java.time.Duration.ofHours(64))).isEqualTo(berlin("2026-11-27T06:00"));
	}

}
