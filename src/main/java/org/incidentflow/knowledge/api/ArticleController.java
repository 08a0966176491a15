package org.incidentflow.knowledge.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.incidentflow.incident.Viewer;
import org.incidentflow.knowledge.ArticleMarkdown;
import org.incidentflow.knowledge.KnowledgeArticle;
import org.incidentflow.knowledge.KnowledgeArticles;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Knowledge articles over HTTP; the rules are in {@link KnowledgeArticles}. */
@RestController
@RequestMapping(path = "/api/knowledge/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Knowledge articles", description = "Write, review, publish and read knowledge articles")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not allowed for your groups",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such article, or one you may not read",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ArticleController {

	private final KnowledgeArticles articles;
	private final ArticleMarkdown markdown;

	public ArticleController(KnowledgeArticles articles, ArticleMarkdown markdown) {
		this.articles = articles;
		this.markdown = markdown;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Write an article (draft)", description = "Agents and knowledge managers. title, body (Markdown), audience (internal or requester) and service are required.")
	@ApiResponse(responseCode = "201", description = "Drafted; Location is its URL")
	public ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleRequest request, Authentication authentication) {
		ArticleView view = view(articles.create(request.draft(), Viewer.of(authentication)));
		return ResponseEntity.created(URI.create("/api/knowledge/articles/" + view.number())).body(view);
	}

	@GetMapping
	@Operation(summary = "List articles", description = "Agents and managers see all; requesters the published requester articles.")
	public List<ArticleView> list(Authentication authentication) {
		return articles.list(Viewer.of(authentication)).stream().map(this::view).toList();
	}

	@GetMapping("/{number}")
	@Operation(summary = "Read an article", description = "Requesters read published requester articles only. Reading a published article counts a view.")
	public ArticleView get(@Parameter(example = "KB-000001") @PathVariable String number, Authentication authentication) {
		return view(articles.read(number, Viewer.of(authentication)));
	}

	@PutMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Edit an article", description = "Absent fields stay as they are. Editing a published article opens a new draft revision; readers keep the published one until it is published.")
	@ApiResponse(responseCode = "409", description = "Retired",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ArticleView update(@PathVariable String number, @Valid @RequestBody ArticleRequest request,
			Authentication authentication) {
		return view(articles.update(number, request.draft(), Viewer.of(authentication)));
	}

	@PostMapping("/{number}/review")
	@Operation(summary = "Submit the draft for review", description = "Agents and knowledge managers.")
	@ApiResponse(responseCode = "409", description = "No draft to submit",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ArticleView review(@PathVariable String number, Authentication authentication) {
		return view(articles.submitForReview(number, Viewer.of(authentication)));
	}

	@PostMapping("/{number}/publication")
	@Operation(summary = "Publish the pending revision", description = "Knowledge managers. The revision in review (or a draft, reviewed in the same step) becomes what readers see; the previous one is superseded and stays listed.")
	@ApiResponse(responseCode = "409", description = "Nothing pending, or retired",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ArticleView publish(@PathVariable String number, Authentication authentication) {
		return view(articles.publish(number, Viewer.of(authentication)));
	}

	@PostMapping("/{number}/retirement")
	@Operation(summary = "Retire the article", description = "Knowledge managers; no longer shown or suggested.")
	public ArticleView retire(@PathVariable String number, Authentication authentication) {
		return view(articles.retire(number, Viewer.of(authentication)));
	}

	@GetMapping("/{number}/revisions")
	@Operation(summary = "List the revisions", description = "Agents and managers; newest first, superseded ones included.")
	public List<RevisionView> revisions(@PathVariable String number, Authentication authentication) {
		return articles.revisions(number, Viewer.of(authentication)).stream().map(RevisionView::of).toList();
	}

	@PostMapping(path = "/{number}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Say whether the article helped", description = "Readers of a published article, once per user and article.")
	@ApiResponse(responseCode = "409", description = "Already given",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ArticleView feedback(@PathVariable String number, @Valid @RequestBody FeedbackRequest request,
			Authentication authentication) {
		return view(articles.feedback(number, request.helpful(), request.comment(), Viewer.of(authentication)));
	}

	private ArticleView view(KnowledgeArticle article) {
		return ArticleView.of(article, markdown.html(article.getBody()));
	}
}
