package org.incidentflow.incident.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.incidentflow.incident.Comment;
import org.incidentflow.incident.Incident;
import org.incidentflow.web.EnumCode;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "NewComment", description = "A public comment (the caller sees it) or an internal work note (agents only)")
public record CommentRequest(
		@Schema(description = "Default public. Requesters may only add public comments.", allowableValues = { "public", "internal" }, example = "public")
		@EnumCode(Comment.Visibility.class) String visibility,

		@Schema(example = "It happens again since 10:00, screenshot sent by mail.")
		@NotBlank @Size(max = Incident.TEXT_MAX) String body) {
}
