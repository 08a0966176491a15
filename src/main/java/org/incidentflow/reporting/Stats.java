package org.incidentflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;

/** Mean, percentiles and rounding as the figures use them. {@code null} wherever there is nothing to compute on. */
final class Stats {

	private Stats() {
	}

	/** Share in percent with one decimal, {@code null} when the denominator is zero. */
	static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** Mean of the first {@code size} values (milliseconds) in minutes with one decimal. */
	static BigDecimal meanMinutes(long[] millis, int size) {
		if (size == 0) {
			return null;
		}
		long total = 0;
		for (int i = 0; i < size; i++) {
			total += millis[i];
		}
		return meanMinutes(total, size);
	}

	/**
	 * Percentile of the first {@code size} values, sorted ascending, with linear interpolation between the closest
	 * ranks, as PostgreSQL's {@code percentile_cont}: the median of 10, 20, 30, 40 is 25.
	 */
	static BigDecimal percentileMinutes(long[] sortedMillis, int size, double fraction) {
		return percentileMinutes(size, rank -> sortedMillis[(int) rank], fraction);
	}

	/**
	 * The same over values the caller looks up by rank (0-based, ascending): only the ranks
	 * {@link #ranks(long, double)} names are asked for, so the database can hand over just those values.
	 */
	static BigDecimal percentileMinutes(long size, java.util.function.LongUnaryOperator valueAtRank, double fraction) {
		if (size == 0) {
			return null;
		}
		// float8 arithmetic in the order of PostgreSQL's percentile_cont (float8_lerp), so that the figures the
		// database interpolates and the ones interpolated here are the same to the last bit
		double rank = fraction * (size - 1);
		long lower = (long) Math.floor(rank);
		long upper = (long) Math.ceil(rank);
		double low = valueAtRank.applyAsLong(lower);
		double high = valueAtRank.applyAsLong(upper);
		return minutes(low + (high - low) * (rank - lower));
	}

	/** Milliseconds as a double (an interpolated percentile) in minutes with one decimal. */
	static BigDecimal minutes(double millis) {
		return minutes(BigDecimal.valueOf(millis));
	}

	/** The two ranks (0-based) a percentile of {@code size} values interpolates between. */
	static long[] ranks(long size, double fraction) {
		double rank = fraction * (size - 1);
		return new long[] { (long) Math.floor(rank), (long) Math.ceil(rank) };
	}

	/** Mean of {@code count} values (milliseconds) summing to {@code totalMillis}, in minutes with one decimal. */
	static BigDecimal meanMinutes(long totalMillis, long count) {
		if (count == 0) {
			return null;
		}
		return minutes(BigDecimal.valueOf(totalMillis).divide(BigDecimal.valueOf(count), 3, RoundingMode.HALF_UP));
	}

	static BigDecimal meanMinutes(Collection<Duration> durations) {
		return meanMinutes(durations.stream().mapToLong(Duration::toMillis).toArray(), durations.size());
	}

	static BigDecimal percentileMinutes(Collection<Duration> durations, double fraction) {
		long[] sorted = durations.stream().mapToLong(Duration::toMillis).sorted().toArray();
		return percentileMinutes(sorted, sorted.length, fraction);
	}

	/** Mean of values with two decimals, {@code null} without values. */
	static BigDecimal mean(long sum, long count) {
		if (count == 0) {
			return null;
		}
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal minutes(BigDecimal millis) {
		return millis.divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
	}

}
