package org.incidentflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

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

	static BigDecimal meanMinutes(Collection<Duration> durations) {
		if (durations.isEmpty()) {
			return null;
		}
		long totalMillis = durations.stream().mapToLong(Duration::toMillis).sum();
		return minutes(BigDecimal.valueOf(totalMillis).divide(BigDecimal.valueOf(durations.size()), 3,
				RoundingMode.HALF_UP));
	}

	/**
	 * Percentile with linear interpolation between the closest ranks, as PostgreSQL's {@code percentile_cont}:
	 * the median of 10, 20, 30, 40 is 25.
	 */
	static BigDecimal percentileMinutes(Collection<Duration> durations, double fraction) {
		if (durations.isEmpty()) {
			return null;
		}
		List<Long> sorted = durations.stream().map(Duration::toMillis).sorted().toList();
		double rank = fraction * (sorted.size() - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		BigDecimal low = BigDecimal.valueOf(sorted.get(lower));
		BigDecimal high = BigDecimal.valueOf(sorted.get(upper));
		BigDecimal value = low.add(high.subtract(low).multiply(BigDecimal.valueOf(rank - lower)));
		return minutes(value);
	}

	static BigDecimal mean(Collection<Integer> values) {
		if (values.isEmpty()) {
			return null;
		}
		long sum = values.stream().mapToLong(Integer::longValue).sum();
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal minutes(BigDecimal millis) {
		return millis.divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
	}

}
