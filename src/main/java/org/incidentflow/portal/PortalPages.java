package org.incidentflow.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.incidentflow.idempotency.IdempotencyKeys;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.CancellationRequest;
import org.incidentflow.incident.api.CommentRequest;
import org.incidentflow.incident.api.ConfirmationRequest;
import org.incidentflow.incident.api.IncidentActions;
import org.incidentflow.incident.api.IncidentDetails;
import org.incidentflow.incident.api.ReportIncidentRequest;
import org.incidentflow.incident.api.SatisfactionRequest;
import org.incidentflow.incident.api.SatisfactionSurvey;
import org.incidentflow.knowledge.KnowledgeSearch;
import org.incidentflow.portal.CallerAnswers.CanYouWork;
import org.incidentflow.portal.CallerAnswers.ProblemKind;
import org.incidentflow.portal.CallerAnswers.WhoIsAffected;
import org.incidentflow.sla.SlaProperties;
import org.incidentflow.ui.UiPage;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's pages. Reads go through {@link PortalIncidents} (own incidents, public side only); every change through
 * the API's services, so the process refuses here exactly what it refuses there. A refusal is shown on the page, in
 * the caller's words, with status 400 or 409; an incident the user may not see answers 404 like a missing one.
 */
@Controller
@UiPage
@RequestMapping(PortalPages.ROOT)
public class PortalPages {

	static final String ROOT = "/portal";
	static final String SOURCE = "portal";

	private final PortalIncidents incidents;
	private final IncidentActions actions;
	private final SatisfactionSurvey survey;
	private final IdempotencyKeys idempotency;
	private final ObjectProvider<KnowledgeSearch> knowledge;
	private final PortalSettings settings;
	private final DateTimeFormatter dates;
	private final CallerAnswerDecisions answers;

	public PortalPages(PortalIncidents incidents, IncidentActions actions, SatisfactionSurvey survey,
			IdempotencyKeys idempotency, ObjectProvider<KnowledgeSearch> knowledge, PortalSettings settings,
			SlaProperties sla, CallerAnswerDecisions answers) {
		this.incidents = incidents;
		this.answers = answers;
		this.actions = actions;
		this.survey = survey;
		this.idempotency = idempotency;
		this.knowledge = knowledge;
		this.settings = settings;
		// the service desk's time zone (the SLA calendar's): the one the promised times are kept in
		this.dates = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH)
			.withZone(sla.businessHours().timezone());
	}

	/** Every page formats times in the service desk's zone: {@code ${times.format(at)}}. */
	@org.springframework.web.bind.annotation.ModelAttribute("times")
	PortalPages times() {
		return this;
	}

	// home and knowledge

	/** Also answers the search without JavaScript: {@code ?q=} renders the results into the page. */
	@GetMapping
	String home(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("knowledgeAvailable", knowledge.getIfAvailable() != null);
		model.addAttribute("hits", suggestions(q, null));
		model.addAttribute("query", q);
		return "portal/home";
	}

	/** Results as you type (htmx): the articles and workarounds a requester may read; nothing without knowledge. */
	@GetMapping("/knowledge")
	String knowledge(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("hits", suggestions(q, null));
		model.addAttribute("query", q);
		return "portal/fragments :: knowledge-results";
	}

	// report

	@GetMapping("/report")
	String reportForm(Model model) {
		return showReportForm(model, new ReportForm(null, null, null, null, null, null, null,
				UUID.randomUUID().toString()), Map.of());
	}

	/** "Does one of these solve it?" while the requester types the title (htmx). */
	@GetMapping("/report/suggestions")
	String reportSuggestions(@RequestParam(required = false) String title,
			@RequestParam(required = false) String service, Model model) {
		model.addAttribute("hits", suggestions(title, service));
		return "portal/fragments :: report-suggestions";
	}

	@PostMapping("/report")
	String report(ReportForm form, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		Map<String, String> errors = new LinkedHashMap<>();
		String title = trimmed(form.title());
		if (title == null) {
			errors.put("title", "Tell us in a few words what is wrong.");
		}
		else if (title.length() > Incident.TITLE_MAX) {
			errors.put("title", "Use at most " + Incident.TITLE_MAX + " characters; put the details in the description.");
		}
		if (form.description() != null && form.description().length() > Incident.TEXT_MAX) {
			errors.put("description", "Use at most " + Incident.TEXT_MAX + " characters.");
		}
		if (form.service() != null && form.service().trim().length() > Incident.NAME_MAX) {
			errors.put("service", "Use at most " + Incident.NAME_MAX + " characters.");
		}
		// what each answer means is the process owners' decision (processes/portal-caller-answers.dmn)
		var kind = CallerAnswers.parse(ProblemKind.class, form.kind()).flatMap(answers::type);
		var affected = CallerAnswers.parse(WhoIsAffected.class, form.affected()).flatMap(answers::impact);
		var work = CallerAnswers.parse(CanYouWork.class, form.work()).flatMap(answers::urgency);
		if (kind.isEmpty()) {
			errors.put("kind", "Choose what kind of problem it is.");
		}
		if (affected.isEmpty()) {
			errors.put("affected", "Choose who is affected.");
		}
		if (work.isEmpty()) {
			errors.put("work", "Choose whether you can still work.");
		}
		// reporting for a colleague: "My incidents" lists it for both, only the colleague confirms and rates
		String caller = null;
		if (trimmed(form.caller()) != null) {
			if (form.caller().trim().length() > Incident.NAME_MAX) {
				errors.put("caller", "Use at most " + Incident.NAME_MAX + " characters.");
			}
			else {
				caller = incidents.personNamed(form.caller()).orElse(null);
				if (caller == null) {
					errors.put("caller", "Enter the user name or e-mail address of the person affected, or leave it "
							+ "empty if it is you.");
				}
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showReportForm(model, form, errors);
		}
		ReportIncidentRequest request = new ReportIncidentRequest(title, trimmed(form.description()), caller,
				Channel.PORTAL.code(), trimmed(form.service()), null, kind.get(), affected.get(), work.get());
		String number;
		try {
			// the form's key: a double click or a resent form reports one incident, not two
			number = idempotency.once(viewer.userId(), trimmed(form.formKey()), "POST " + ROOT + "/report", request,
					HttpStatus.CREATED, () -> actions.report(request, viewer)).incidentNumber();
		}
		catch (InvalidRequestException refused) {
			refused.errors().forEach(error -> errors.put(formField(error), error.message()));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showReportForm(model, form, errors);
		}
		redirect.addFlashAttribute("reported", true);
		return "redirect:" + ROOT + "/incidents/" + number;
	}

	// my incidents

	@GetMapping("/incidents")
	String myIncidents(@RequestParam(required = false) String state, @RequestParam(required = false) String q,
			@org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
			Authentication authentication, Model model) {
		// an unknown state (an edited address) lists all rather than failing
		String stateCode = java.util.Arrays.stream(State.values()).map(State::code)
			.filter(code -> state != null && code.equals(state.trim())).findFirst().orElse(null);
		model.addAttribute("page", incidents.mine(Viewer.of(authentication), stateCode, trimmed(q)));
		model.addAttribute("states", State.values());
		model.addAttribute("state", stateCode);
		model.addAttribute("q", trimmed(q));
		return htmx != null ? "portal/fragments :: incident-list" : "portal/incidents";
	}

	@GetMapping("/incidents/{number}")
	String incident(@PathVariable String number, Authentication authentication, Model model) {
		return showIncident(number, Viewer.of(authentication), model, Map.of());
	}

	@PostMapping("/incidents/{number}/comments")
	String comment(@PathVariable String number, @RequestParam(required = false) String body,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		incidents.own(number, viewer);
		if (trimmed(body) == null) {
			return refused(number, viewer, model, response, "body", "Write your comment first.");
		}
		return act(number, viewer, model, response, redirect, "Your comment was added.", "body",
				() -> actions.comment(number, new CommentRequest("public", body), viewer));
	}

	@PostMapping("/incidents/{number}/confirmation")
	String confirm(@PathVariable String number, @RequestParam(required = false) String accepted,
			@RequestParam(required = false) String reason, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		incidents.own(number, viewer);
		if (!"true".equals(accepted) && !"false".equals(accepted)) {
			return refused(number, viewer, model, response, "accepted", "Tell us whether it works again.");
		}
		boolean yes = Boolean.parseBoolean(accepted);
		if (!yes && trimmed(reason) == null) {
			return refused(number, viewer, model, response, "reason", "Tell us what still does not work.");
		}
		return act(number, viewer, model, response, redirect,
				yes ? "Thank you for confirming that it works again." : "Thank you: we are working on it again.", "reason",
				() -> actions.confirmResolution(number, new ConfirmationRequest(yes, trimmed(reason)), viewer));
	}

	@PostMapping("/incidents/{number}/cancellation")
	String cancel(@PathVariable String number, @RequestParam(required = false) String reason,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		incidents.own(number, viewer);
		if (trimmed(reason) == null) {
			return refused(number, viewer, model, response, "cancelReason", "Tell us why you cancel it.");
		}
		if (reason.trim().length() > CancellationRequest.REASON_MAX) {
			return refused(number, viewer, model, response, "cancelReason",
					"Use at most " + CancellationRequest.REASON_MAX + " characters.");
		}
		return act(number, viewer, model, response, redirect, "Your incident is canceled.", "cancelReason",
				() -> actions.cancel(number, new CancellationRequest(reason.trim()), viewer));
	}

	@PostMapping("/incidents/{number}/satisfaction")
	String rate(@PathVariable String number, @RequestParam(required = false) String score,
			@RequestParam(required = false) String comment, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = Viewer.of(authentication);
		incidents.own(number, viewer);
		Integer value;
		try {
			value = score == null ? null : Integer.valueOf(score.trim());
		}
		catch (NumberFormatException notANumber) {
			value = null;
		}
		if (value == null || value < 1 || value > 5) {
			return refused(number, viewer, model, response, "score", "Choose a rating from 1 to 5.");
		}
		if (comment != null && comment.length() > Incident.CSAT_COMMENT_MAX) {
			return refused(number, viewer, model, response, "csatComment",
					"Use at most " + Incident.CSAT_COMMENT_MAX + " characters.");
		}
		SatisfactionRequest request = new SatisfactionRequest(value, trimmed(comment));
		return act(number, viewer, model, response, redirect, "Thank you for your feedback.", "score",
				() -> survey.rate(number, request, viewer));
	}

	// helpers

	private String act(String number, Viewer viewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String done, String field, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidRequestException invalid) {
			FieldProblem first = invalid.errors().get(0);
			return refused(number, viewer, model, response, field, first.message());
		}
		catch (ErrorResponseException problem) {
			if (problem.getStatusCode().value() != HttpStatus.CONFLICT.value()) {
				throw problem;
			}
			// e.g. confirmed meanwhile by mail, rated twice: the page is shown again as it now is
			response.setStatus(HttpStatus.CONFLICT.value());
			return showIncident(number, viewer, model, Map.of("page", problem.getBody().getDetail()));
		}
		redirect.addFlashAttribute("done", done);
		return "redirect:" + ROOT + "/incidents/" + number.trim().toUpperCase(Locale.ROOT);
	}

	private String refused(String number, Viewer viewer, Model model, HttpServletResponse response, String field,
			String message) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return showIncident(number, viewer, model, Map.of(field, message));
	}

	private String showIncident(String number, Viewer viewer, Model model, Map<String, String> errors) {
		IncidentDetails incident = incidents.own(number, viewer);
		model.addAttribute("incident", incident);
		model.addAttribute("timeline", incidents.timeline(incident));
		model.addAttribute("stateLabel", stateLabel(incident));
		// a colleague who reported it follows it; the decision on the resolution and the rating are the caller's
		boolean caller = viewer.userId().equals(incident.caller());
		model.addAttribute("isCaller", caller);
		model.addAttribute("awaitingConfirmation", caller && actions.awaitsConfirmation(incident.number()));
		model.addAttribute("awaitingCaller", "on_hold".equals(incident.state())
				&& "awaiting_caller".equals(incident.onHoldReason()));
		model.addAttribute("cancelable", "new".equals(incident.state()) || "in_progress".equals(incident.state())
				|| "on_hold".equals(incident.state()));
		model.addAttribute("mayRate", caller && incident.csatScore() == null
				&& ("resolved".equals(incident.state()) || "closed".equals(incident.state())));
		model.addAttribute("errors", errors);
		model.addAttribute("respondBy", incident.firstResponseAt() == null && incident.responseDueAt() != null
				? dates.format(incident.responseDueAt()) : null);
		model.addAttribute("resolveBy", incident.resolutionDueAt() != null ? dates.format(incident.resolutionDueAt())
				: null);
		return "portal/incident";
	}

	private String showReportForm(Model model, ReportForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("services", settings.getServices());
		model.addAttribute("kinds", ProblemKind.values());
		model.addAttribute("affectedAnswers", WhoIsAffected.values());
		model.addAttribute("workAnswers", CanYouWork.values());
		model.addAttribute("knowledgeAvailable", knowledge.getIfAvailable() != null);
		return "portal/report";
	}

	private List<KnowledgeSearch.Hit> suggestions(String text, String service) {
		KnowledgeSearch search = knowledge.getIfAvailable();
		if (search == null || text == null || text.isBlank() || text.length() > Incident.TEXT_MAX) {
			return List.of();
		}
		return search.search(text, trimmed(service), null, KnowledgeSearch.Audience.REQUESTER,
				settings.getSuggestions());
	}

	static String stateLabel(IncidentDetails incident) {
		return switch (incident.state()) {
			case "new" -> "New";
			case "in_progress" -> "In progress";
			case "on_hold" -> "awaiting_caller".equals(incident.onHoldReason()) ? "Waiting for you" : "On hold";
			case "resolved" -> "Resolved";
			case "closed" -> "Closed";
			case "canceled" -> "Canceled";
			default -> incident.state();
		};
	}

	/** The API's field names of a refused report, as the form's. */
	private static String formField(FieldProblem error) {
		return switch (error.field() == null ? "" : error.field()) {
			case "type" -> "kind";
			case "impact" -> "affected";
			case "urgency" -> "work";
			case "title", "description", "service", "caller" -> error.field();
			default -> "page";
		};
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** The report form as posted; answers are the values of {@link CallerAnswers}. */
	public record ReportForm(String title, String description, String service, String kind, String affected,
			String work, String caller, String formKey) {
	}

	/** For templates: a time in the service desk's zone. */
	public String format(Instant at) {
		return at == null ? "" : dates.format(at);
	}

}
