package org.incidentflow.asset.api;

import java.util.List;

import org.incidentflow.asset.ConfigurationItemImport;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of a CSV import. */
@Schema(name = "ConfigurationItemImportReport")
public record ImportReportView(
		@Schema(description = "Data rows read (without the header)") int rows,
		int created,
		int updated,
		@Schema(description = "Rows equal to the registered CI: nothing changed") int unchanged,
		@Schema(description = "Rows not imported, in file order") List<RefusedRowView> refused) {

	@Schema(name = "ConfigurationItemImportRefusedRow")
	public record RefusedRowView(
			@Schema(description = "Record number in the file; the header is row 1") long row,
			@Schema(description = "The id the row named, if any") String id,
			@Schema(description = "The column at fault, or file") String field,
			String reason) {
	}

	static ImportReportView of(ConfigurationItemImport.Report report) {
		return new ImportReportView(report.rows(), report.created(), report.updated(), report.unchanged(),
				report.refused().stream().map(r -> new RefusedRowView(r.row(), r.id(), r.field(), r.reason())).toList());
	}

}
