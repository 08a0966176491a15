package org.incidentflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/** Which query parameters a handler knows: the names Spring would bind, whatever style the handler uses. */
class KnownQueryParametersTest {

	record ReportQuery(String from, String to, Integer top) {
	}

	static class Handlers {

		void params(@RequestParam(required = false) String state, @RequestParam(name = "q") String text,
				@PathVariable String number, Authentication authentication) {
		}

		void command(ReportQuery query, Pageable pageable) {
		}

		void attribute(@ModelAttribute ReportQuery query, String plain) {
		}

		void anything(@RequestParam Map<String, String> all) {
		}

		void nothing() {
		}

	}

	static HandlerMethod handler(String name) {
		return java.util.Arrays.stream(Handlers.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
			.findFirst().map(m -> new HandlerMethod(new Handlers(), m)).orElseThrow();
	}

	@Test
	void requestParamsByNameOrParameterName() {
		assertThat(KnownQueryParameters.known(handler("params"))).containsExactly("q", "state");
	}

	@Test
	void commandObjectsAndPageablesBindTheirProperties() {
		assertThat(KnownQueryParameters.known(handler("command")))
			.containsExactlyInAnyOrder("from", "to", "top", "page", "size", "sort");
		assertThat(KnownQueryParameters.known(handler("attribute"))).containsExactlyInAnyOrder("from", "to", "top",
				"plain");
	}

	@Test
	void aMapOfParametersTakesAnything() {
		assertThat(KnownQueryParameters.known(handler("anything"))).isNull();
	}

	@Test
	void unknownNamesAreRefusedListingTheKnownOnes() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/incidents");
		request.setQueryString("state=new&bogus=1");
		request.addParameter("state", "new");
		request.addParameter("bogus", "1");
		assertThatThrownBy(() -> new KnownQueryParameters().preHandle(request, new MockHttpServletResponse(),
				handler("params")))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.errors())
				.containsExactly(new FieldProblem("bogus", "unknown query parameter; known: q, state")));

		MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/x");
		none.setQueryString("a=1");
		none.addParameter("a", "1");
		assertThatThrownBy(() -> new KnownQueryParameters().preHandle(none, new MockHttpServletResponse(),
				handler("nothing"))).isInstanceOf(InvalidRequestException.class);
	}

}
