package org.incidentflow.incident.api;

import java.time.Instant;
import java.util.Locale;

import org.incidentflow.incident.Comment;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Comment")
public record CommentView(
		long id,
		String author,
		@Schema(allowableValues = { "public", "internal" }) String visibility,
		String body,
		@Schema(description = "api, tasklist, email, monitoring") String source,
		Instant createdAt) {

	static CommentView of(Comment comment) {
		return new CommentView(comment.getId(), comment.getAuthor(),
				comment.getVisibility().name().toLowerCase(Locale.ROOT), comment.getBody(), comment.getSource(),
				comment.getCreatedAt());
	}

}
