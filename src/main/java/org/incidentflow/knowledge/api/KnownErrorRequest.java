package org.incidentflow.knowledge.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.incidentflow.knowledge.KnownError;
import org.incidentflow.knowledge.KnownErrors;

import io.swagger.v3.oas.annotations.media.Schema;

/** A known error to record or change; on update, absent fields stay as they are. */
@Schema(name = "KnownErrorRequest", description = "A known error; problemNumber, title and symptom are required when recording one")
public record KnownErrorRequest(
		@Schema(description = "The problem it belongs to", example = "PRB-000001") @Size(max = 20) String problemNumber,
		@Schema(example = "Outlook crashes at start after the November update") @Size(max = KnownError.TITLE_MAX) String title,
		@Schema(description = "What users see", example = "Outlook closes right after the splash screen") @Size(max = KnownError.TEXT_MAX) String symptom,
		@Schema(description = "What helps until the fix is in; required to publish", example = "Start Outlook in safe mode (outlook.exe /safe) and disable the CRM add-in") @Size(max = KnownError.TEXT_MAX) String workaround,
		@Schema(description = "Internal: never shown to requesters") @Size(max = KnownError.TEXT_MAX) String rootCause,
		@Schema(example = "0x80040115") @Size(max = KnownError.ERROR_CODE_MAX) String errorCode,
		@Schema(example = "email") @Size(max = 100) String service,
		@Schema(description = "Configuration items, as incidents name them", example = "[\"exchange-01\"]") @Size(max = 50) List<@Size(max = 200) String> configurationItems,
		@Schema(description = "After this instant it is no longer suggested") Instant validTo) {

	KnownErrors.Change change() {
		return new KnownErrors.Change(problemNumber, title, symptom, workaround, rootCause, errorCode, service,
				configurationItems, validTo);
	}
}
