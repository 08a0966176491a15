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
		return minutes(BigDecimal.valueOf(total).divide(BigDecimal.valueOf(size), 3, RoundingMode.HALF_UP));
	}

	/**
	 * Percentile of the first {@code size} values, sorted ascending, with linear interpolation between the closest
	 * ranks, as PostgreSQL's {@code percentile_cont}: the median of 10, 20, 30, 40 is 25.
	 */
	static BigDecimal percentileMinutes(long[] sortedMillis, int size, double fraction) {
		if (size == 0) {
			return null;
		}
		double rank = fraction * (size - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		BigDecimal low = BigDecimal.valueOf(sortedMillis[lower]);
		BigDecimal high = BigDecimal.valueOf(sortedMillis[upper]);
		return minutes(low.add(high.subtract(low).multiply(BigDecimal.valueOf(rank - lower))));
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
