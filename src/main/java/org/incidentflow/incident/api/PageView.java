package org.incidentflow.incident.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a list, in a shape that does not depend on Spring Data's internals. */
@Schema(name = "Page")
public record PageView<T>(
		List<T> content,
		@Schema(description = "Zero-based page number") int page,
		@Schema(description = "Requested page size") int size,
		long totalElements,
		int totalPages) {

	public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages());
	}

}
