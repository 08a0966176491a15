package org.incidentflow.asset.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.incidentflow.asset.CiStatus;
import org.incidentflow.asset.CiType;
import org.incidentflow.asset.ConfigurationItem;
import org.incidentflow.asset.ConfigurationItemImport;
import org.incidentflow.asset.ConfigurationItemRegistry;
import org.incidentflow.asset.Relationship;
import org.incidentflow.asset.RelationshipType;
import org.incidentflow.identity.AccessGroups;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.IncidentFilter;
import org.incidentflow.incident.api.IncidentSearch;
import org.incidentflow.incident.api.IncidentSummary;
import org.incidentflow.incident.api.PageView;
import org.incidentflow.security.CurrentUser;
import org.incidentflow.web.EnumCodeValidator;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.incidentflow.web.ValidationProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The configuration-item registry. Process owners, {@code cmdb-managers} and administrators change it; agents (and
 * they) read it. See docs/assets.md.
 */
@RestController
@RequestMapping(path = "/api/configuration-items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Configuration items", description = "The CMDB: configuration items, their relationships, the impact of an outage, CSV import")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not allowed for your groups",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ConfigurationItemController {

	static final int MAX_PAGE_SIZE = 100;

	/** Groups that change the registry. */
	static final List<String> WRITERS = List.of(AccessGroups.PROCESS_OWNERS, AccessGroups.CMDB_MANAGERS,
			AccessGroups.ADMINS);

	private final ConfigurationItemRegistry registry;
	private final ConfigurationItemImport importer;
	private final IncidentSearch incidents;
	private final CurrentUser currentUser;
	private final DataSize importMaxSize;

	public ConfigurationItemController(ConfigurationItemRegistry registry, ConfigurationItemImport importer,
			IncidentSearch incidents, CurrentUser currentUser,
			@Value("${incidentflow.assets.import-max-size:5MB}") DataSize importMaxSize) {
		this.importMaxSize = importMaxSize;
		this.registry = registry;
		this.importer = importer;
		this.incidents = incidents;
		this.currentUser = currentUser;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register a configuration item",
			description = "id, name, type, service and criticality are required; relationships must name registered CIs. Process owners, cmdb-managers, administrators.")
	@ApiResponse(responseCode = "201", description = "Registered; Location is its URL")
	@ApiResponse(responseCode = "409", description = "The id is taken",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ResponseEntity<ConfigurationItemView> create(@Valid @RequestBody ConfigurationItemRequest request) {
		requireWriter();
		if (request.id() == null || request.id().isBlank()) {
			throw new InvalidRequestException("id", "must not be blank");
		}
		ConfigurationItem created = registry.create(request.id(), attributes(request), currentUser.requireId());
		return ResponseEntity.created(URI.create("/api/configuration-items/" + created.getId()))
			.body(ConfigurationItemView.of(created, List.of()));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a configuration item",
			description = "Replaces every attribute and relationship (send the whole item). Retire a CI with status retired; it stays for the history of its incidents.")
	@ApiResponse(responseCode = "200", description = "Changed")
	@ApiResponse(responseCode = "404", description = "No such configuration item",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ConfigurationItemView update(@Parameter(example = "vpn-gw-lyon") @PathVariable String id,
			@Valid @RequestBody ConfigurationItemRequest request) {
		requireWriter();
		if (request.id() != null && !ConfigurationItem.normalizeId(request.id()).equals(ConfigurationItem.normalizeId(id))) {
			throw new InvalidRequestException("id", "must match the path or be left out; ids cannot change");
		}
		ConfigurationItem updated = registry.update(id, attributes(request), currentUser.requireId());
		return view(updated);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One configuration item with its relationships both ways")
	@ApiResponse(responseCode = "200", description = "The configuration item")
	@ApiResponse(responseCode = "404", description = "No such configuration item",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ConfigurationItemView get(@Parameter(example = "vpn-gw-lyon") @PathVariable String id) {
		requireReader();
		return view(registry.get(id));
	}

	@GetMapping
	@Operation(summary = "Find configuration items", description = "Sorted by id. Filters combine with AND.")
	@ApiResponse(responseCode = "200", description = "One page of configuration items")
	public PageView<ConfigurationItemView> list(
			@Parameter(description = "business_service, application, server, ...", example = "network_device") @RequestParam(required = false) String type,
			@Parameter(description = "in_use, maintenance, retired") @RequestParam(required = false) String status,
			@Parameter(description = "Supported business service (exact)", example = "vpn") @RequestParam(required = false) String service,
			@Parameter(description = "Owner group (exact)", example = "network-ops") @RequestParam(required = false) String ownerGroup,
			@Parameter(description = "1 to 4") @RequestParam(required = false) String criticality,
			@Parameter(description = "Text in id or name (case-insensitive)") @RequestParam(required = false) String q,
			@Parameter(description = "Zero-based page") @RequestParam(required = false) Integer page,
			@Parameter(description = "Page size, 1 to 100, default 20") @RequestParam(required = false) Integer size) {
		requireReader();
		List<FieldProblem> errors = new ArrayList<>();
		CiType ciType = code(CiType.class, "type", type, errors);
		CiStatus ciStatus = code(CiStatus.class, "status", status, errors);
		Integer ciCriticality = null;
		if (criticality != null && !criticality.isBlank()) {
			try {
				ciCriticality = Integer.valueOf(criticality.trim());
			}
			catch (NumberFormatException e) {
				ciCriticality = 0;
			}
			if (ciCriticality < 1 || ciCriticality > 4) {
				errors.add(new FieldProblem("criticality", "must be a number from 1 to 4"));
			}
		}
		int p = pageOf(page, errors);
		int s = sizeOf(size, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return PageView.of(registry.list(new ConfigurationItemRegistry.Filter(ciType, ciStatus, service, ownerGroup,
				ciCriticality, q), p, s), item -> ConfigurationItemView.of(item, null));
	}

	@GetMapping("/{id}/impact")
	@Operation(summary = "What an outage of this configuration item affects",
			description = "The CIs that depend on or run on it, directly or through others, and their business services.")
	@ApiResponse(responseCode = "200", description = "The impact")
	@ApiResponse(responseCode = "404", description = "No such configuration item",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ImpactView impact(@Parameter(example = "radius-lyon") @PathVariable String id) {
		requireReader();
		return ImpactView.of(registry.impactOf(id));
	}

	@GetMapping("/{id}/incidents")
	@Operation(summary = "Incidents of this configuration item (recurring issues)",
			description = "Newest first; only those you may see. state filters like GET /api/incidents, e.g. new,in_progress,on_hold for the open ones.")
	@ApiResponse(responseCode = "200", description = "One page of incidents")
	@ApiResponse(responseCode = "404", description = "No such configuration item",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public PageView<IncidentSummary> incidents(@Parameter(example = "vpn-gw-lyon") @PathVariable String id,
			@Parameter(description = "new, in_progress, on_hold, resolved, closed, canceled", example = "new,in_progress,on_hold") @RequestParam(required = false) String state,
			@Parameter(description = "Zero-based page") @RequestParam(required = false) Integer page,
			@Parameter(description = "Page size, 1 to 100, default 20") @RequestParam(required = false) Integer size,
			Authentication authentication) {
		requireReader();
		ConfigurationItem item = registry.get(id);
		return incidents.list(new IncidentFilter(state, null, null, null, null, null, item.getId(), null, null, page,
				size, null), Viewer.of(authentication));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import configuration items from CSV",
			description = "Idempotent by id: new ids are registered, known ids replaced (unchanged rows change nothing). A header row names the columns: id, name, type, service, criticality (required), owner_group, location, status, depends_on, runs_on (ids separated by ; or spaces). Good rows are imported in one transaction, refused rows are listed with their reason. At most 10,000 rows and 5 MB (incidentflow.assets.import-max-size). Process owners, cmdb-managers, administrators.")
	@ApiResponse(responseCode = "200", description = "What the import did")
	@ApiResponse(responseCode = "413", description = "The file is larger than incidentflow.assets.import-max-size (5 MB by default)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The CSV file, UTF-8 unless the Content-Type names another charset",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")) })
	public ImportReportView importCsv(HttpServletRequest request) {
		requireWriter();
		return ImportReportView.of(importer.importCsv(new StringReader(body(request)), currentUser.requireId()));
	}

	/**
	 * The file, refused with a 413 before it is parsed or held in memory as a whole when it is larger than the limit:
	 * by its Content-Length at once, by reading at most one byte more than the limit when it is sent in chunks.
	 */
	private String body(HttpServletRequest request) {
		long limit = importMaxSize.toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge();
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		}
		catch (IOException e) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request", "The file could not be read.");
		}
		if (bytes.length > limit) {
			throw tooLarge();
		}
		Charset charset = StandardCharsets.UTF_8;
		if (request.getContentType() != null) {
			try {
				Charset declared = MediaType.parseMediaType(request.getContentType()).getCharset();
				charset = declared == null ? charset : declared;
			}
			catch (InvalidMediaTypeException | UnsupportedCharsetException e) {
				throw new InvalidRequestException("Content-Type", "names no known character set");
			}
		}
		return new String(bytes, charset);
	}

	static String readable(DataSize size) {
		long bytes = size.toBytes();
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		return bytes >= 1024 && bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
	}

	private ErrorResponseException tooLarge() {
		ErrorResponseException tooLarge = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
				"An import file is at most " + readable(importMaxSize) + "; split it.");
		tooLarge.getBody().setProperty("errors", List.of(new FieldProblem("file", "is larger than "
				+ readable(importMaxSize))));
		return tooLarge;
	}

	private ConfigurationItemView view(ConfigurationItem item) {
		return ConfigurationItemView.of(item, registry.dependentsOf(item.getId()).stream()
			.map(ConfigurationItem::getId).toList());
	}

	private static ConfigurationItem.Attributes attributes(ConfigurationItemRequest request) {
		Set<Relationship> relationships = new LinkedHashSet<>();
		relationships(request.dependsOn(), RelationshipType.DEPENDS_ON, relationships);
		relationships(request.runsOn(), RelationshipType.RUNS_ON, relationships);
		CiStatus status = request.status() == null ? CiStatus.IN_USE
				: EnumCodeValidator.parse(CiStatus.class, "status", request.status());
		return new ConfigurationItem.Attributes(request.name(), EnumCodeValidator.parse(CiType.class, "type",
				request.type()), request.service(), request.ownerGroup(), request.criticality(), request.location(),
				status, relationships);
	}

	private static void relationships(List<String> ids, RelationshipType type, Set<Relationship> into) {
		if (ids != null) {
			ids.forEach(id -> into.add(new Relationship(type, ConfigurationItem.normalizeId(id))));
		}
	}

	private static <E extends Enum<E>> E code(Class<E> type, String field, String value, List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return EnumCodeValidator.parse(type, field, value);
		}
		catch (InvalidRequestException e) {
			errors.addAll(e.errors());
			return null;
		}
	}

	private static int pageOf(Integer page, List<FieldProblem> errors) {
		int p = page == null ? 0 : page;
		if (p < 0) {
			errors.add(new FieldProblem("page", "must be 0 or more"));
		}
		return p;
	}

	private static int sizeOf(Integer size, List<FieldProblem> errors) {
		int s = size == null ? 20 : size;
		if (s < 1 || s > MAX_PAGE_SIZE) {
			errors.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
		}
		return s;
	}

	private void requireWriter() {
		if (!currentUser.isMemberOfAny(WRITERS.toArray(String[]::new))) {
			throw Problems.forbidden("Process owners, cmdb-managers and administrators change configuration items.");
		}
	}

	private void requireReader() {
		if (!currentUser.isMemberOfAny(WRITERS.toArray(String[]::new))
				&& !currentUser.isMemberOfAny(AccessGroups.AGENTS.toArray(String[]::new))) {
			throw Problems.forbidden("Configuration items are for agents, process owners and cmdb-managers.");
		}
	}

}
